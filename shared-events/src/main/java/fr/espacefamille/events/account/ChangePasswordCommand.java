package fr.espacefamille.events.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The logged-in parent changed the password, after typing the current one. */
public record ChangePasswordCommand(
        @TargetAggregateIdentifier String accountId
) {
}
