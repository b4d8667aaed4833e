package fr.espacefamille.events.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Steps 2 and 3 of the sign-up: a parent chooses a username. Refused with
 * {@code USERNAME_TAKEN} when another account has it, whatever the case.
 *
 * <p>The password never travels in a command: the command side keeps its hash apart from
 * the events.
 *
 * @param accountId the username in lower case ({@link AccountIds#of(String)})
 * @param username  as the parent typed it
 * @param email     where the account's e-mails go
 */
public record RegisterAccountCommand(
        @TargetAggregateIdentifier String accountId,
        String username,
        String email
) {
}
