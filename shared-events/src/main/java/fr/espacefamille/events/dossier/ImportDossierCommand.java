package fr.espacefamille.events.dossier;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers a dossier from the town's export, or brings it up to date. Importing the same
 * details again changes nothing. Answers with a {@link DossierImportOutcome}.
 */
public record ImportDossierCommand(
        @TargetAggregateIdentifier String dossierNumber,
        DossierDetails details
) {
}
