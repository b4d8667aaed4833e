package fr.espacefamille.events.dossier;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The account was activated: the e-mail address its parent gave at sign-up works. The
 * dossier records it for the guardian the account stands for, if the town knew no address
 * for that guardian; otherwise nothing changes.
 *
 * @param username as the parent chose it
 * @param email    the account's address, to which the activation link was sent
 */
public record RecordGuardianEmailCommand(
        @TargetAggregateIdentifier String dossierNumber,
        String username,
        String email
) {
}
