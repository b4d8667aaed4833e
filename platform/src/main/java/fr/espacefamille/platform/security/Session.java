package fr.espacefamille.platform.security;

import java.time.Instant;
import java.util.List;

/**
 * A logged-in browser, as kept in MongoDB so that every node of either side knows it.
 *
 * @param username       as the holder logs in
 * @param role           what the session may do
 * @param dossierNumbers for a parent, the dossiers linked to the account at login
 * @param createdAt      the login; the absolute timeout counts from here
 * @param lastSeenAt     the last request, to within a minute; the idle timeout counts from here
 */
public record Session(
        String username,
        Role role,
        List<String> dossierNumbers,
        Instant createdAt,
        Instant lastSeenAt
) {

    public Session {
        dossierNumbers = dossierNumbers == null ? List.of() : List.copyOf(dossierNumbers);
    }

    public boolean mayReach(String dossierNumber) {
        return role == Role.PARENT && dossierNumbers.contains(dossierNumber);
    }
}
