package fr.espacefamille.events.dossier;

import org.axonframework.serialization.Revision;

/**
 * A later import no longer lists the guardian an account stood for: the account stands for
 * nobody in this dossier any more, and reaches it no longer.
 *
 * @param accountId    the account's id (its username in lower case)
 * @param guardianName first name and last name of the guardian the export no longer lists
 */
@Revision("1")
public record AccountUnlinkedEvent(
        String dossierNumber,
        String accountId,
        String guardianName
) {
}
