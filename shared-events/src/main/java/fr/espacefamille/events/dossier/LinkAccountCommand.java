package fr.espacefamille.events.dossier;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Step 4 of the sign-up: a parent typed the number and the name printed on the town's letter.
 * The name matches whatever the case, accents, spaces, hyphens or apostrophes. The account
 * stands for the guardian with the account's e-mail, else for a guardian without e-mail whom
 * no other account stands for. Each guardian has one account at most. Answered with a
 * {@link LinkedGuardian}.
 *
 * <p>Refused with {@code DOSSIER_PAIR_MISMATCH} when no dossier has this number and this name
 * (never saying which half was wrong), with {@code GUARDIAN_ALREADY_LINKED} when the guardian
 * the account would stand for already has an account, and with {@code EMAIL_NOT_IN_DOSSIER}
 * when every guardian has another e-mail address.
 *
 * @param username as the parent chose it
 * @param email    the account's e-mail address
 */
public record LinkAccountCommand(
        @TargetAggregateIdentifier String dossierNumber,
        String dossierName,
        String username,
        String email
) {
}
