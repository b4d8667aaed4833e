package fr.espacefamille.events.dossier;

import java.time.Instant;

/**
 * One event of a dossier's history.
 *
 * @param eventType      the event's name, such as {@code DossierRegisteredEvent}
 * @param sequenceNumber the event's position in the dossier's own stream, from 0
 * @param timestamp      when the event was recorded
 */
public record DossierHistoryEntry(
        String eventType,
        long sequenceNumber,
        Instant timestamp
) {
}
