package fr.espacefamille.events.dossier;

import org.axonframework.serialization.Revision;

/**
 * A dossier of the town's software became known to the portal, with all its details.
 *
 * <p>Revision 1: the details will grow (allergies, authorised adults, documents), and an
 * explicit revision gives the first upcaster an unambiguous starting point.
 */
@Revision("1")
public record DossierRegisteredEvent(
        String dossierNumber,
        DossierDetails details
) {
}
