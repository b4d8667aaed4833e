package fr.espacefamille.events.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The logged-in parent changed the account's e-mail address, after typing the password. */
public record ChangeEmailCommand(
        @TargetAggregateIdentifier String accountId,
        String email
) {
}
