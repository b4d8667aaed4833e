package fr.espacefamille.command.planning;

import fr.espacefamille.command.calendar.ClosureLookup;
import fr.espacefamille.events.calendar.ClosedReason;
import fr.espacefamille.events.calendar.PlanningSetup;
import fr.espacefamille.events.calendar.ServiceDefinition;
import fr.espacefamille.events.planning.ChangeKind;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the town's configuration says about a day of a service: whether it opens, until when it
 * can change, how long a basket waits. Injected into the handlers of bookings.
 */
public class PlanningRules {

    /** The town's time zone: "today" and the basket's clock speak Paris time. */
    public static final ZoneId TOWN_ZONE = ZoneId.of("Europe/Paris");

    private final PlanningSetup setup;
    private final ClosureLookup closures;
    private final Duration basketTimeout;
    private final Set<LocalDate> publicHolidays;

    public PlanningRules(PlanningSetup setup, ClosureLookup closures, Duration basketTimeout) {
        this.setup = setup;
        this.closures = closures;
        this.basketTimeout = basketTimeout;
        this.publicHolidays = setup.calendar().publicHolidayDays();
    }

    public PlanningSetup setup() {
        return setup;
    }

    public ServiceDefinition service(String code) {
        return setup.knownService(code);
    }

    /** The days among these on which the service does not open, and why. */
    public Map<LocalDate, ClosedReason> closedDays(ServiceDefinition service, Collection<LocalDate> days) {
        Map<LocalDate, String> staffClosures = closures.closuresOf(service.code(), days);
        Map<LocalDate, ClosedReason> closed = new HashMap<>();
        for (LocalDate day : days) {
            ClosedReason reason = setup.closedReason(service, day, staffClosures.get(day));
            if (reason != null) {
                closed.put(day, reason);
            }
        }
        return closed;
    }

    /** Why the staff closed the service on the day, or {@code null} if they did not. */
    public ClosedReason staffClosure(String service, LocalDate day) {
        String reason = closures.closuresOf(service, List.of(day)).get(day);
        return reason == null ? null : ClosedReason.staffClosure(reason);
    }

    /** The moment from which a change of this kind is refused for the day. */
    public Instant cutOff(ServiceDefinition service, ChangeKind kind, LocalDate day) {
        var rule = kind == ChangeKind.BOOK ? service.bookingRule() : service.cancellingRule();
        return rule.cutOffFor(day, publicHolidays).toInstant();
    }

    public Duration basketTimeout() {
        return basketTimeout;
    }
}
