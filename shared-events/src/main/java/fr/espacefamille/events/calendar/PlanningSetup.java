package fr.espacefamille.events.calendar;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the town configured for bookings: its services and its school calendar. The command side
 * publishes it whenever it changes, so that the query side shows what the command side checks.
 */
public record PlanningSetup(
        List<ServiceDefinition> services,
        SchoolCalendar calendar
) {

    public PlanningSetup {
        services = services == null ? List.of() : List.copyOf(services);
    }

    public Optional<ServiceDefinition> service(String code) {
        return services.stream().filter(service -> service.code().equals(code)).findFirst();
    }

    /**
     * Why the service does not open on this day, or {@code null} when it opens.
     *
     * @param staffClosure the reason the staff gave for closing it that day; {@code null} if they did not
     */
    public ClosedReason closedReason(ServiceDefinition service, LocalDate day, String staffClosure) {
        if (!service.runsOn(day.getDayOfWeek())) {
            return new ClosedReason(ClosedKind.NOT_A_SERVICE_DAY, "Pas de service le "
                    + day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.FRENCH));
        }
        ClosedReason noSchool = calendar.closedReason(day);
        if (noSchool != null) {
            return noSchool;
        }
        return staffClosure == null ? null : ClosedReason.staffClosure(staffClosure);
    }
}
