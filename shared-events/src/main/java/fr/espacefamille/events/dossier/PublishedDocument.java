package fr.espacefamille.events.dossier;

import java.time.Instant;

/**
 * A document of a dossier as the family lists it.
 *
 * @param size        in bytes
 * @param publishedAt when staff made it available
 */
public record PublishedDocument(
        String documentId,
        String title,
        String fileName,
        long size,
        Instant publishedAt
) {
}
