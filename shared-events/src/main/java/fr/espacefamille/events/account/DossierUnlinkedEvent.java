package fr.espacefamille.events.account;

import org.axonframework.serialization.Revision;

/** The account no longer reaches this dossier: the town's export no longer lists its guardian. */
@Revision("1")
public record DossierUnlinkedEvent(
        String accountId,
        String dossierNumber
) {
}
