package fr.espacefamille.events.planning;

import java.util.List;

/**
 * The town cancelled booked days without the family asking, not through a basket: the staff
 * closed the service that day, or an import of the town's export took the child out of the
 * dossier or of the service. What was paid for them is credited to the family account.
 *
 * @param creditAddedCents   what the paid days bring back as credit
 * @param creditBalanceCents the family's credit after this event
 */
public record BookingsCancelledByTownEvent(
        String dossierNumber,
        List<TownCancellation> cancellations,
        long creditAddedCents,
        long creditBalanceCents
) {

    public BookingsCancelledByTownEvent {
        cancellations = cancellations == null ? List.of() : List.copyOf(cancellations);
    }
}
