package fr.espacefamille.events.calendar;

import fr.espacefamille.events.Quoted;
import fr.espacefamille.events.RefusedException;

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

    /** The service, or the refusal of a code that names none (404 {@code UNKNOWN_SERVICE}). */
    public ServiceDefinition knownService(String code) {
        return service(code).orElseThrow(() -> RefusedException.notFound("UNKNOWN_SERVICE",
                "Le service « " + Quoted.text(code) + " » n'existe pas."));
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
