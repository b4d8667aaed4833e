package fr.espacefamille.events.dossier;

/**
 * The guardian of a dossier that an account stands for.
 *
 * @param guardianIndex the guardian's position in the dossier, from 0
 * @param displayName   first name and last name
 */
public record LinkedGuardian(
        int guardianIndex,
        String displayName
) {
}
