package fr.espacefamille.events.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The confirmed bookings of a day, by service and school: what the caterer needs. */
public record DailyHeadcounts(
        LocalDate day,
        List<Headcount> headcounts
) {

    public DailyHeadcounts {
        headcounts = headcounts == null ? List.of() : List.copyOf(headcounts);
    }

    /**
     * One service at one school.
     *
     * @param open         whether the service opens that day
     * @param closedReason why not
     * @param cutOff       from this moment no booking or cancellation changes the count
     * @param isFinal      the cut-off has passed: the count will not change
     * @param children     sorted by class and name
     */
    public record Headcount(
            String service,
            String serviceLabel,
            String school,
            int count,
            boolean open,
            String closedReason,
            Instant cutOff,
            boolean isFinal,
            List<Attendee> children
    ) {

        public Headcount {
            children = children == null ? List.of() : List.copyOf(children);
        }
    }

    /** A child expected that day. */
    public record Attendee(
            String childId,
            String firstName,
            String lastName,
            String schoolClass
    ) {
    }
}
