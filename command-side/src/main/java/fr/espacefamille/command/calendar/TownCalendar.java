package fr.espacefamille.command.calendar;

import fr.espacefamille.events.Quoted;
import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.calendar.CloseServiceDayCommand;
import fr.espacefamille.events.calendar.ClosedReason;
import fr.espacefamille.events.calendar.PlanningSetup;
import fr.espacefamille.events.calendar.PlanningSetupPublishedEvent;
import fr.espacefamille.events.calendar.PublishPlanningSetupCommand;
import fr.espacefamille.events.calendar.ReopenServiceDayCommand;
import fr.espacefamille.events.calendar.ServiceDayClosedEvent;
import fr.espacefamille.events.calendar.ServiceDayReopenedEvent;
import fr.espacefamille.events.calendar.ServiceDefinition;
import fr.espacefamille.platform.axon.AxonMongoConfiguration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The town's planning calendar: the setup last published (services, school calendar) and the
 * days the staff closed. One per town; staff changes are rare, so one stream holds them all.
 */
@Aggregate(cache = AxonMongoConfiguration.AGGREGATE_CACHE,
           snapshotTriggerDefinition = AxonMongoConfiguration.SNAPSHOT_TRIGGER)
class TownCalendar {

    /** As the back-office form allows: the reason goes into the month view and the families' e-mails. */
    static final int MAX_REASON_LENGTH = 120;

    @AggregateIdentifier
    private String calendarId;
    private PlanningSetup setup;
    private Map<LocalDate, Map<String, String>> closures = new HashMap<>();

    TownCalendar() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(PublishPlanningSetupCommand command) {
        if (command.setup().equals(setup)) {
            return false;
        }

        apply(new PlanningSetupPublishedEvent(command.calendarId(), command.setup()));
        return true;
    }

    @CommandHandler
    List<String> handle(CloseServiceDayCommand command, Clock clock) {
        if (command.day() == null) {
            throw RefusedException.invalid("DAY_MISSING", "Indiquez le jour de la fermeture.");
        }
        refuseIfPast(command.day(), clock);
        // A reason without a letter or a digit (spaces of any width, a lone accent) says nothing.
        if (command.reason() == null || command.reason().codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw RefusedException.invalid("REASON_MISSING",
                    "Indiquez la raison de la fermeture (grève, fermeture…).");
        }
        String stripped = command.reason().strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_REASON_LENGTH) {
            throw RefusedException.invalid("REASON_TOO_LONG", "La raison de la fermeture tient en "
                    + MAX_REASON_LENGTH + " caractères au plus : elle est écrite aux familles.");
        }
        if (!isOneLineOfVisibleText(command.reason())) {
            throw RefusedException.invalid("REASON_INVALID", "La raison de la fermeture tient sur une ligne, "
                    + "sans retour à la ligne ni caractère invisible ou de mise en forme.");
        }
        DayOfWeek weekday = command.day().getDayOfWeek();
        // A service named twice is closed once, and named once in the answer.
        List<String> services = command.services().isEmpty()
                ? setup.services().stream().filter(service -> service.weekdays().contains(weekday))
                       .map(ServiceDefinition::code).toList()
                : command.services().stream().distinct().toList();
        services.forEach(this::refuseIfUnknown);
        for (String service : services) {
            if (!setup.service(service).orElseThrow().weekdays().contains(weekday)) {
                throw RefusedException.invalid("SERVICE_NOT_RUNNING", "Ce service ne fonctionne pas le "
                        + weekday.getDisplayName(TextStyle.FULL, Locale.FRANCE) + " : il n'y a rien à fermer.");
            }
        }

        for (String service : services) {
            ClosedReason notOpen = setup.closedReason(setup.service(service).orElseThrow(), command.day(), null);
            if (notOpen != null) {
                throw RefusedException.invalid("DAY_NOT_OPEN", "Ce service n'ouvre pas ce jour-là ("
                        + notOpen.label() + ") : il n'y a rien à fermer.");
            }
        }

        String reason = command.reason().strip();
        List<String> closing = services.stream().filter(service -> !reason.equals(closureOf(command.day(), service)))
                                       .toList();
        closing.forEach(service -> apply(new ServiceDayClosedEvent(calendarId, command.day(), service, reason)));
        return closing;
    }

    @CommandHandler
    void handle(ReopenServiceDayCommand command, Clock clock) {
        refuseIfPast(command.day(), clock);
        refuseIfUnknown(command.service());
        if (closureOf(command.day(), command.service()) == null) {
            throw RefusedException.notFound("NOT_CLOSED", "Ce service n'est pas fermé ce jour-là.");
        }

        apply(new ServiceDayReopenedEvent(calendarId, command.day(), command.service()));
    }

    @EventSourcingHandler
    void on(PlanningSetupPublishedEvent event) {
        calendarId = event.calendarId();
        setup = event.setup();
    }

    @EventSourcingHandler
    void on(ServiceDayClosedEvent event) {
        closures.computeIfAbsent(event.day(), day -> new HashMap<>()).put(event.service(), event.reason());
    }

    @EventSourcingHandler
    void on(ServiceDayReopenedEvent event) {
        Map<String, String> services = closures.get(event.day());
        if (services != null) {
            services.remove(event.service());
        }
    }

    /** Only what {@link Quoted#isShown}: the reason is shown as it is in the month view and the mails. */
    private static boolean isOneLineOfVisibleText(String text) {
        return text.codePoints().allMatch(Quoted::isShown);
    }

    private String closureOf(LocalDate day, String service) {
        return closures.getOrDefault(day, Map.of()).get(service);
    }

    private void refuseIfUnknown(String service) {
        setup.knownService(service);
    }

    private static void refuseIfPast(LocalDate day, Clock clock) {
        if (day.isBefore(LocalDate.now(clock))) {
            throw RefusedException.invalid("PAST_DAY", "Ce jour est passé : il ne peut plus changer.");
        }
    }
}
