package fr.espacefamille.events.dossier;

import org.axonframework.serialization.Revision;

/** A guardian's phone numbers, in E.164, {@code null} when none. */
@Revision("1")
public record GuardianPhonesChangedEvent(
        String dossierNumber,
        int guardianIndex,
        String mobilePhone,
        String homePhone
) {
}
