package fr.espacefamille.events.dossier;

import java.util.List;

/**
 * A dossier as staff and the family see it: its details, its documents and what happened to it.
 *
 * @param familyQuotient {@code null} while not yet assessed
 * @param documents      what the town made available to the family, newest first
 * @param history        the events applied to the view, oldest first
 */
public record DossierView(
        String dossierNumber,
        String dossierName,
        Integer familyQuotient,
        InvoiceDeliveryMode invoiceDeliveryMode,
        List<Guardian> guardians,
        List<Child> children,
        List<PublishedDocument> documents,
        List<DossierHistoryEntry> history
) {

    public DossierView {
        guardians = guardians == null ? List.of() : List.copyOf(guardians);
        children = children == null ? List.of() : List.copyOf(children);
        documents = documents == null ? List.of() : List.copyOf(documents);
        history = history == null ? List.of() : List.copyOf(history);
    }

    public DossierView withGuardians(List<Guardian> changed) {
        return new DossierView(dossierNumber, dossierName, familyQuotient, invoiceDeliveryMode, changed, children,
                               documents, history);
    }

    public DossierView withInvoiceDeliveryMode(InvoiceDeliveryMode changed) {
        return new DossierView(dossierNumber, dossierName, familyQuotient, changed, guardians, children,
                               documents, history);
    }

    public DossierView withDocuments(List<PublishedDocument> changed) {
        return new DossierView(dossierNumber, dossierName, familyQuotient, invoiceDeliveryMode, guardians, children,
                               changed, history);
    }

    public DossierView withHistory(List<DossierHistoryEntry> changed) {
        return new DossierView(dossierNumber, dossierName, familyQuotient, invoiceDeliveryMode, guardians, children,
                               documents, changed);
    }
}
