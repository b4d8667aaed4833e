package fr.espacefamille.events.dossier;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A parent chooses invoices by e-mail or on paper. Refused with
 * {@code INVOICE_EMAIL_WITHOUT_ADDRESS} for e-mail when no guardian has an address, and with
 * {@code ACCOUNT_NOT_LINKED} for an account not linked to the dossier.
 */
public record ChangeInvoiceDeliveryModeCommand(
        @TargetAggregateIdentifier String dossierNumber,
        String username,
        InvoiceDeliveryMode invoiceDeliveryMode
) {
}
