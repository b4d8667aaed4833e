package fr.espacefamille.events.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * "Mot de passe oublié": a reset link goes to the account's e-mail, once and for 24 hours. An
 * account not yet activated records nothing, so that the answer is the same for every username.
 */
public record RequestPasswordResetCommand(
        @TargetAggregateIdentifier String accountId
) {
}
