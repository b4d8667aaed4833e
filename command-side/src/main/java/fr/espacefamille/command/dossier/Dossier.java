package fr.espacefamille.command.dossier;

import fr.espacefamille.command.planning.FamilyPlanning;
import fr.espacefamille.events.dossier.DossierDetails;
import fr.espacefamille.events.dossier.DossierDetailsChangedEvent;
import fr.espacefamille.events.dossier.DossierImportOutcome;
import fr.espacefamille.events.dossier.DossierRegisteredEvent;
import fr.espacefamille.events.dossier.ImportDossierCommand;
import fr.espacefamille.platform.axon.AxonMongoConfiguration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A family's dossier, as the town's software knows it: guardians, children and enrolments.
 *
 * <p>Identified by the dossier number printed on the town's letter. The town's export is the
 * source of truth for these details; importing it again changes only what differs.
 *
 * <p>The dossier is also the family's consistency boundary for bookings: its
 * {@link FamilyPlanning} decides the children's days, the parents' baskets and the credit.
 */
@Aggregate(cache = AxonMongoConfiguration.AGGREGATE_CACHE,
           snapshotTriggerDefinition = AxonMongoConfiguration.SNAPSHOT_TRIGGER)
public class Dossier {

    @AggregateIdentifier
    private String dossierNumber;
    private DossierDetails details;
    @AggregateMember
    private FamilyPlanning planning = new FamilyPlanning();

    Dossier() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    DossierImportOutcome handle(ImportDossierCommand command) {
        if (isNew()) {
            apply(new DossierRegisteredEvent(command.dossierNumber(), command.details()));
            return DossierImportOutcome.REGISTERED;
        }

        if (details.equals(command.details())) {
            return DossierImportOutcome.UNCHANGED;
        }

        apply(new DossierDetailsChangedEvent(dossierNumber, command.details()));
        return DossierImportOutcome.CHANGED;
    }

    @EventSourcingHandler
    void on(DossierRegisteredEvent event) {
        dossierNumber = event.dossierNumber();
        details = event.details();
    }

    @EventSourcingHandler
    void on(DossierDetailsChangedEvent event) {
        details = event.details();
    }

    private boolean isNew() {
        return dossierNumber == null;
    }
}
