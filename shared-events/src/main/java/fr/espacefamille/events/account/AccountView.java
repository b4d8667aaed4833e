package fr.espacefamille.events.account;

import java.util.List;

/**
 * An account and how far its sign-up went.
 *
 * @param email          where its e-mails go
 * @param guardianName   the guardian the account stands for; {@code null} before a dossier is linked
 * @param dossierNumbers the linked dossiers
 * @param termsVersion   the version of the terms of use accepted; {@code null} before
 * @param status         {@code REGISTERED}, {@code AWAITING_ACTIVATION} or {@code ACTIVE}
 */
public record AccountView(
        String username,
        String email,
        String guardianName,
        List<String> dossierNumbers,
        String termsVersion,
        String status
) {

    public AccountView {
        dossierNumbers = dossierNumbers == null ? List.of() : List.copyOf(dossierNumbers);
    }
}
