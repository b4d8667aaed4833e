package fr.espacefamille.events.dossier;

/**
 * A document the town made available to a family.
 *
 * @param documentId stable, opaque
 * @param title      as staff named it
 * @param fileName   the PDF's file name, for the download
 * @param size       in bytes
 */
public record DossierDocument(
        String documentId,
        String title,
        String fileName,
        long size
) {
}
