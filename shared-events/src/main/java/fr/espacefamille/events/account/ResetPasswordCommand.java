package fr.espacefamille.events.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The parent chose a new password through the reset link of this request. Refused with
 * {@code RESET_LINK_EXPIRED} or {@code RESET_LINK_USED}.
 */
public record ResetPasswordCommand(
        @TargetAggregateIdentifier String accountId,
        String requestId
) {
}
