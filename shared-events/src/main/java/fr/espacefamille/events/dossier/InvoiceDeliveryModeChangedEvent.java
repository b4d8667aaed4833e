package fr.espacefamille.events.dossier;

import org.axonframework.serialization.Revision;

/** The family receives its invoices this way from now on. */
@Revision("1")
public record InvoiceDeliveryModeChangedEvent(
        String dossierNumber,
        InvoiceDeliveryMode invoiceDeliveryMode
) {
}
