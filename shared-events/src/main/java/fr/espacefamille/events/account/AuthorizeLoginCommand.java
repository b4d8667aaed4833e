package fr.espacefamille.events.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks whether an account whose password was just checked may open a session; answered with
 * an {@link AccountGrant}, refused with {@code ACCOUNT_NOT_ACTIVATED}. Records nothing.
 */
public record AuthorizeLoginCommand(
        @TargetAggregateIdentifier String accountId
) {
}
