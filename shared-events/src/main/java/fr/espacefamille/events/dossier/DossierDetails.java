package fr.espacefamille.events.dossier;

import java.util.List;

/**
 * Everything the town's software says about a dossier, but its number. Two imports that
 * carry equal details change nothing.
 *
 * @param dossierName         the family name printed on the town's letter
 * @param familyQuotient      the tariff band in euros; {@code null} while not yet assessed
 * @param invoiceDeliveryMode how invoices are sent
 * @param guardians           one or two, in the order of the export
 * @param children            eldest first
 */
public record DossierDetails(
        String dossierName,
        Integer familyQuotient,
        InvoiceDeliveryMode invoiceDeliveryMode,
        List<Guardian> guardians,
        List<Child> children
) {

    public DossierDetails {
        guardians = guardians == null ? List.of() : List.copyOf(guardians);
        children = children == null ? List.of() : List.copyOf(children);
    }
}
