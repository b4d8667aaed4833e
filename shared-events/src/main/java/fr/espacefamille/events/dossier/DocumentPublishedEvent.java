package fr.espacefamille.events.dossier;

import org.axonframework.serialization.Revision;

/** A PDF is available to the family; the event's time is its publication date. */
@Revision("1")
public record DocumentPublishedEvent(
        String dossierNumber,
        DossierDocument document
) {
}
