package fr.espacefamille.events.dossier;

import java.util.List;

/**
 * A dossier as the staff sees it: its details and what happened to it.
 *
 * @param familyQuotient {@code null} while not yet assessed
 * @param history        the events applied to the view, oldest first
 */
public record DossierView(
        String dossierNumber,
        String dossierName,
        Integer familyQuotient,
        InvoiceDeliveryMode invoiceDeliveryMode,
        List<Guardian> guardians,
        List<Child> children,
        List<DossierHistoryEntry> history
) {

    public DossierView {
        guardians = guardians == null ? List.of() : List.copyOf(guardians);
        children = children == null ? List.of() : List.copyOf(children);
        history = history == null ? List.of() : List.copyOf(history);
    }
}
