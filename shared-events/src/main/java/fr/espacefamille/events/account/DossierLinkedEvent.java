package fr.espacefamille.events.account;

import org.axonframework.serialization.Revision;

/** The account may see and change this dossier once activated. */
@Revision("1")
public record DossierLinkedEvent(
        String accountId,
        String dossierNumber,
        String guardianName
) {
}
