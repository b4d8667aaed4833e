package fr.espacefamille.events.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The dossier no longer counts the account among its guardians' ({@code AccountUnlinkedEvent}
 * of the dossier): the account forgets it. Changes nothing for a dossier it does not hold.
 */
public record UnlinkDossierCommand(
        @TargetAggregateIdentifier String accountId,
        String dossierNumber
) {
}
