package fr.espacefamille.command.planning;

import fr.espacefamille.events.capacity.ConfirmPlacesCommand;
import fr.espacefamille.events.capacity.HoldPlacesCommand;
import fr.espacefamille.events.capacity.PlacesAnswer;
import fr.espacefamille.events.capacity.PlacesConfirmedEvent;
import fr.espacefamille.events.capacity.PlacesHeldEvent;
import fr.espacefamille.events.capacity.PlacesReleasedEvent;
import fr.espacefamille.events.capacity.ReleasePlacesCommand;
import fr.espacefamille.platform.axon.AxonMongoConfiguration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The places of a capacity-limited service for one month, town-wide: who holds one (a basket
 * not yet confirmed) and who has one (a booked day), day by day.
 *
 * <p>Every family competes for the same places, so they cannot be decided by a family's
 * dossier: this ledger is the one stream every place goes through, and its unique sequence
 * numbers keep two requests at once, on one node or several, from both taking the last place.
 * A place is held before the day goes on in its basket and given back when the basket is
 * released, so that a full day is refused when it is asked for.
 */
@Aggregate(cache = AxonMongoConfiguration.AGGREGATE_CACHE,
           snapshotTriggerDefinition = AxonMongoConfiguration.SNAPSHOT_TRIGGER)
class CapacityLedger {

    @AggregateIdentifier
    private String capacityId;
    /** Children with a booked place, by day. */
    private Map<LocalDate, Set<String>> booked = new HashMap<>();
    /** Children with a held place, by day, and the basket holding it. */
    private Map<LocalDate, Map<String, String>> held = new HashMap<>();

    CapacityLedger() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    PlacesAnswer handle(HoldPlacesCommand command) {
        List<LocalDate> granted = new ArrayList<>();
        List<LocalDate> newlyHeld = new ArrayList<>();
        List<LocalDate> full = new ArrayList<>();
        for (LocalDate day : new TreeSet<>(command.days())) {
            if (hasPlace(day, command.childId(), command.basketId())) {
                granted.add(day);
            } else if (taken(day) < command.capacityPerDay()) {
                granted.add(day);
                newlyHeld.add(day);
            } else {
                full.add(day);
            }
        }

        if (!newlyHeld.isEmpty() || capacityId == null) {
            apply(new PlacesHeldEvent(command.capacityId(), command.service(), command.basketId(), command.childId(),
                                      newlyHeld));
        }
        return new PlacesAnswer(granted, full);
    }

    @CommandHandler
    void handle(ConfirmPlacesCommand command) {
        List<LocalDate> days = command.days().stream()
                .filter(day -> command.basketId().equals(held.getOrDefault(day, Map.of()).get(command.childId())))
                .toList();

        if (!days.isEmpty()) {
            apply(new PlacesConfirmedEvent(capacityId, command.basketId(), command.childId(), days));
        }
    }

    @CommandHandler
    void handle(ReleasePlacesCommand command) {
        List<LocalDate> days = command.days().stream()
                .filter(day -> command.basketId() == null
                        ? booked.getOrDefault(day, Set.of()).contains(command.childId())
                        : command.basketId().equals(held.getOrDefault(day, Map.of()).get(command.childId())))
                .toList();

        if (!days.isEmpty()) {
            apply(new PlacesReleasedEvent(capacityId, command.basketId(), command.childId(), days));
        }
    }

    @EventSourcingHandler
    void on(PlacesHeldEvent event) {
        capacityId = event.capacityId();
        event.days().forEach(day -> held.computeIfAbsent(day, d -> new HashMap<>())
                                        .put(event.childId(), event.basketId()));
    }

    @EventSourcingHandler
    void on(PlacesConfirmedEvent event) {
        for (LocalDate day : event.days()) {
            held.getOrDefault(day, new HashMap<>()).remove(event.childId());
            booked.computeIfAbsent(day, d -> new HashSet<>()).add(event.childId());
        }
    }

    @EventSourcingHandler
    void on(PlacesReleasedEvent event) {
        for (LocalDate day : event.days()) {
            if (event.basketId() == null) {
                booked.getOrDefault(day, new HashSet<>()).remove(event.childId());
            } else {
                held.getOrDefault(day, new HashMap<>()).remove(event.childId());
            }
        }
    }

    private boolean hasPlace(LocalDate day, String childId, String basketId) {
        return basketId.equals(held.getOrDefault(day, Map.of()).get(childId))
                || booked.getOrDefault(day, Set.of()).contains(childId);
    }

    private int taken(LocalDate day) {
        return booked.getOrDefault(day, Set.of()).size() + held.getOrDefault(day, Map.of()).size();
    }
}
