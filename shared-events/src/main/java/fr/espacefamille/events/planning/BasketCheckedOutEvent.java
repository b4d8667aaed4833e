package fr.espacefamille.events.planning;

import java.time.Instant;

/**
 * "Payer" was validated with an amount to pay: the basket can no longer change and waits for
 * its payment until {@code expiresAt}. The credit it uses is set aside meanwhile.
 */
public record BasketCheckedOutEvent(
        String dossierNumber,
        String basketId,
        String account,
        BasketTotals totals,
        Instant expiresAt
) {
}
