package fr.espacefamille.events.dossier;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Invoices by e-mail or on paper. Refused with {@code INVOICE_EMAIL_WITHOUT_ADDRESS} for
 * e-mail when no guardian has an address.
 */
public record ChangeInvoiceDeliveryModeCommand(
        @TargetAggregateIdentifier String dossierNumber,
        InvoiceDeliveryMode invoiceDeliveryMode
) {
}
