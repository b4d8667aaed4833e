package fr.espacefamille.events.dossier;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Staff made a PDF available to the family; its bytes are already stored under
 * {@code documentId}. Publishing the same document again changes nothing.
 */
public record PublishDocumentCommand(
        @TargetAggregateIdentifier String dossierNumber,
        DossierDocument document
) {
}
