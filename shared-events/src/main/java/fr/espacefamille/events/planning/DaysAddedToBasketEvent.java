package fr.espacefamille.events.planning;

import fr.espacefamille.events.calendar.Billing;

import java.time.Instant;
import java.util.List;

/**
 * Days of one child and one service went into a basket, to be booked or cancelled once it is
 * confirmed. Until then they are pending: no one else can put them in a basket.
 *
 * @param awaitingPlace the service has a capacity and the places are still to be held
 * @param expiresAt     the basket's expiry after this change
 */
public record DaysAddedToBasketEvent(
        String dossierNumber,
        String basketId,
        String account,
        String childId,
        String service,
        ChangeKind kind,
        Billing billing,
        List<BasketDay> days,
        boolean awaitingPlace,
        Instant expiresAt
) {

    public DaysAddedToBasketEvent {
        days = days == null ? List.of() : List.copyOf(days);
    }
}
