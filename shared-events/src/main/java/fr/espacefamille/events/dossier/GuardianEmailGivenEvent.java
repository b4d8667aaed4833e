package fr.espacefamille.events.dossier;

import org.axonframework.serialization.Revision;

/**
 * A guardian for whom the town knew no e-mail address gave one at sign-up, and proved it by
 * following the activation link sent there. Kept by later imports as long as the export still
 * has no other address for the guardian.
 */
@Revision("1")
public record GuardianEmailGivenEvent(
        String dossierNumber,
        int guardianIndex,
        String email
) {
}
