package fr.espacefamille.platform.testapp;

import fr.espacefamille.platform.axon.AxonMongoConfiguration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

@Aggregate(cache = AxonMongoConfiguration.AGGREGATE_CACHE,
           snapshotTriggerDefinition = AxonMongoConfiguration.SNAPSHOT_TRIGGER)
class Tally {

    @AggregateIdentifier
    private String tallyId;
    private long total;

    Tally() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AddToTallyCommand command) {
        if (command.amount() < 0) {
            throw new IllegalArgumentException("A tally only grows");
        }

        apply(new TallyIncreasedEvent(command.tallyId(), command.amount(), total + command.amount()));
    }

    @CommandHandler
    long handle(ReadTallyCommand command) {
        return total;
    }

    @EventSourcingHandler
    void on(TallyIncreasedEvent event) {
        tallyId = event.tallyId();
        total = event.total();
    }
}
