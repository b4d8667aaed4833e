package fr.espacefamille.events.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Steps 4 and 5: the account records the dossier whose number and name the parent typed, once
 * the dossier has accepted the pair ({@code LinkAccountCommand} of the dossier).
 *
 * @param guardianName first name and last name of the guardian the account stands for
 */
public record LinkDossierCommand(
        @TargetAggregateIdentifier String accountId,
        String dossierNumber,
        String guardianName
) {
}
