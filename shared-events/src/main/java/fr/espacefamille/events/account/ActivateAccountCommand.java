package fr.espacefamille.events.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Step 8: the parent followed the activation link of this request. Refused with
 * {@code ACTIVATION_LINK_EXPIRED} after 24 hours and {@code ACTIVATION_LINK_USED} when the
 * link, or a newer one, was already used. Answered with the {@link AccountGrant} of the account
 * now active.
 */
public record ActivateAccountCommand(
        @TargetAggregateIdentifier String accountId,
        String requestId
) {
}
