package fr.espacefamille.events.dossier;

import org.axonframework.serialization.Revision;

/**
 * A later import brought other details for a known dossier. Carries the whole new state, not
 * a difference, so that a reader needs no earlier event to show the dossier.
 */
@Revision("1")
public record DossierDetailsChangedEvent(
        String dossierNumber,
        DossierDetails details
) {
}
