package fr.espacefamille.events.planning;

import java.util.List;

/**
 * The basket was paid, or had nothing to pay: its bookings and cancellations hold from now on.
 * Carries every line, so that a reader needs no earlier event.
 *
 * @param operationId       the payment that paid it; {@code null} when there was nothing to pay
 * @param amountPaidCents   what the payment brought
 * @param creditBalanceCents the family's credit after this basket
 */
public record BasketConfirmedEvent(
        String dossierNumber,
        String basketId,
        String account,
        List<BasketLine> lines,
        BasketTotals totals,
        String operationId,
        long amountPaidCents,
        long creditBalanceCents
) {

    public BasketConfirmedEvent {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
