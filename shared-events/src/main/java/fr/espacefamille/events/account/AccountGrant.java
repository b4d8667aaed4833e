package fr.espacefamille.events.account;

import java.util.List;

/**
 * What an activated account may reach, as a session remembers it.
 *
 * @param username        as the parent chose it
 * @param dossierNumbers  the dossiers linked to the account
 */
public record AccountGrant(
        String username,
        List<String> dossierNumbers
) {

    public AccountGrant {
        dossierNumbers = dossierNumbers == null ? List.of() : List.copyOf(dossierNumbers);
    }
}
