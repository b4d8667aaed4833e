package fr.espacefamille.events.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Step 7, "Valider", and every later "send me a new link": an activation e-mail goes out with
 * a link that works once, for 24 hours. Refused with {@code REGISTRATION_INCOMPLETE} before a
 * dossier is linked and the terms accepted, and with {@code ACCOUNT_ALREADY_ACTIVE} after.
 */
public record RequestActivationCommand(
        @TargetAggregateIdentifier String accountId
) {
}
