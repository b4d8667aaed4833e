package fr.espacefamille.benchmark.ledger;

import fr.espacefamille.platform.axon.AxonMongoConfiguration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The benchmark's event-sourced aggregate, cached and snapshotted like the portal's own: a
 * running balance that every entry changes.
 */
@Aggregate(cache = AxonMongoConfiguration.AGGREGATE_CACHE,
           snapshotTriggerDefinition = AxonMongoConfiguration.SNAPSHOT_TRIGGER)
class Ledger {

    @AggregateIdentifier
    private String ledgerId;
    private long entries;
    private long balanceCents;

    Ledger() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordEntryCommand command) {
        apply(new EntryRecordedEvent(command.ledgerId(), entries + 1, command.amountCents(),
                                     balanceCents + command.amountCents(), command.label(), command.day()));
    }

    @EventSourcingHandler
    void on(EntryRecordedEvent event) {
        ledgerId = event.ledgerId();
        entries = event.entryNumber();
        balanceCents = event.balanceCents();
    }
}
