package fr.espacefamille.events.dossier;

import org.axonframework.serialization.Revision;

/** A parent's account now stands for a guardian of the dossier. */
@Revision("1")
public record AccountLinkedEvent(
        String dossierNumber,
        String username,
        int guardianIndex
) {
}
