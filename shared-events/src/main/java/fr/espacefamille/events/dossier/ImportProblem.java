package fr.espacefamille.events.dossier;

/**
 * A line of the town's export that could not be imported, and why.
 *
 * @param line          the line in the file, the header being line 1
 * @param dossierNumber the dossier the line belongs to; {@code null} when it could not be read
 * @param code          stable, such as {@code INVALID_BIRTH_DATE}
 * @param message       in French, for the staff member who imports the file
 */
public record ImportProblem(
        int line,
        String dossierNumber,
        String code,
        String message
) {
}
