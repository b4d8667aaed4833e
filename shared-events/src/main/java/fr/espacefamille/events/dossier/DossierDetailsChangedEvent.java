package fr.espacefamille.events.dossier;

import org.axonframework.serialization.Revision;

/**
 * A later import brought other details for a known dossier. Carries the whole new state, not
 * a difference, so that a reader needs no earlier event to show the dossier.
 *
 * @param details  the dossier from now on: the export's details, except the phone numbers and
 *                 the invoice delivery mode that the family changed on the portal and the
 *                 export did not change since
 * @param imported the export's details as read, when they differ from {@code details};
 *                 {@code null} otherwise (and in events recorded before families could change
 *                 their details)
 */
@Revision("1")
public record DossierDetailsChangedEvent(
        String dossierNumber,
        DossierDetails details,
        DossierDetails imported
) {
}
