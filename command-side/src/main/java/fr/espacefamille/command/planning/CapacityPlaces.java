package fr.espacefamille.command.planning;

import fr.espacefamille.events.Audit;
import fr.espacefamille.events.capacity.CapacityIds;
import fr.espacefamille.events.capacity.ConfirmPlacesCommand;
import fr.espacefamille.events.capacity.ReleasePlacesCommand;
import fr.espacefamille.events.planning.BasketConfirmedEvent;
import fr.espacefamille.events.planning.BasketDay;
import fr.espacefamille.events.planning.BasketLine;
import fr.espacefamille.events.planning.BasketReleasedEvent;
import fr.espacefamille.events.planning.BookingsCancelledByTownEvent;
import fr.espacefamille.events.planning.ChangeKind;
import fr.espacefamille.events.planning.DaysRemovedFromBasketEvent;
import fr.espacefamille.events.planning.TownCancellation;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Keeps the capacity ledgers in step with the baskets: a confirmed basket takes its held places
 * for good and frees those of its cancelled days; a released basket, or days taken out of one,
 * give their held places back; days the town cancelled (a closure, an import) free their places.
 * At least once, from the events; every command is idempotent.
 */
@Component
@ProcessingGroup(CapacityPlaces.GROUP)
@DisallowReplay
class CapacityPlaces {

    static final String GROUP = "capacity-places";
    private static final String AUTHOR = "system:capacity";

    private final CommandGateway commandGateway;
    private final PlanningRules rules;

    CapacityPlaces(CommandGateway commandGateway, PlanningRules rules) {
        this.commandGateway = commandGateway;
        this.rules = rules;
    }

    @EventHandler
    void on(BasketConfirmedEvent event) {
        for (BasketLine line : limited(event.lines())) {
            if (line.kind() == ChangeKind.BOOK) {
                byMonth(line.service(), days(line), (id, days) ->
                        new ConfirmPlacesCommand(id, event.basketId(), line.childId(), days));
            } else {
                byMonth(line.service(), days(line), (id, days) ->
                        new ReleasePlacesCommand(id, null, line.childId(), days));
            }
        }
    }

    @EventHandler
    void on(BasketReleasedEvent event) {
        for (BasketLine line : limited(event.lines())) {
            if (line.kind() == ChangeKind.BOOK) {
                byMonth(line.service(), days(line), (id, days) ->
                        new ReleasePlacesCommand(id, event.basketId(), line.childId(), days));
            }
        }
    }

    @EventHandler
    void on(DaysRemovedFromBasketEvent event) {
        if (hasCapacity(event.service())) {
            byMonth(event.service(), event.days(), (id, days) ->
                    new ReleasePlacesCommand(id, event.basketId(), event.childId(), days));
        }
    }

    @EventHandler
    void on(BookingsCancelledByTownEvent event) {
        for (TownCancellation cancellation : event.cancellations()) {
            if (hasCapacity(cancellation.service())) {
                byMonth(cancellation.service(), cancellation.days().stream().map(BasketDay::day).toList(),
                        (id, days) -> new ReleasePlacesCommand(id, null, cancellation.childId(), days));
            }
        }
    }

    private List<BasketLine> limited(List<BasketLine> lines) {
        return lines.stream()
                .filter(line -> hasCapacity(line.service()))
                .toList();
    }

    private boolean hasCapacity(String service) {
        return rules.setup().service(service).filter(definition -> definition.hasCapacity()).isPresent();
    }

    private static List<LocalDate> days(BasketLine line) {
        return line.days().stream().map(BasketDay::day).toList();
    }

    private void byMonth(String service, List<LocalDate> days, BiFunction<String, List<LocalDate>, Object> command) {
        Map<YearMonth, List<LocalDate>> months = days.stream()
                .collect(Collectors.groupingBy(YearMonth::from, TreeMap::new, Collectors.toList()));
        months.forEach((month, monthDays) -> {
            try {
                commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                                command.apply(CapacityIds.of(service, month), monthDays))
                        .andMetaData(MetaData.with(Audit.AUTHOR, AUTHOR)));
            } catch (AggregateNotFoundException e) {
                // No place was ever held that month: nothing to give back.
            }
        });
    }
}
