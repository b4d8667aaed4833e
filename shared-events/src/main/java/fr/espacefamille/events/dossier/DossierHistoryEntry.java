package fr.espacefamille.events.dossier;

import java.time.Instant;

/**
 * One event of a dossier's history: what happened, when, and who did it.
 *
 * @param eventType      the event's name, such as {@code DossierRegisteredEvent}
 * @param sequenceNumber the event's position in the dossier's own stream, from 0
 * @param timestamp      when the event was recorded
 * @param author         who made the change: a staff member, a parent's account, or
 *                       {@code import} for the town's export; {@code null} when unknown
 * @param description    what changed, in French, for the family and staff
 */
public record DossierHistoryEntry(
        String eventType,
        long sequenceNumber,
        Instant timestamp,
        String author,
        String description
) {
}
