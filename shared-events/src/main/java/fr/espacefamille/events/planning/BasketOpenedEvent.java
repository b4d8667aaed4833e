package fr.espacefamille.events.planning;

import java.time.Instant;

/** A parent started a basket for the family's dossier. */
public record BasketOpenedEvent(
        String dossierNumber,
        String basketId,
        String account,
        Instant expiresAt
) {
}
