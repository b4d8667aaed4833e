package fr.espacefamille.events.planning;

import java.util.List;

/**
 * The basket ended without being confirmed: nothing it held is booked or cancelled, and its
 * pending days are free again.
 *
 * @param reason {@code EXPIRED} when it was not paid in time, {@code DISCARDED} when the parent emptied it,
 *               {@code CHANGED_BY_TOWN} when it awaited its payment while the town closed one of its days
 *               or took its child out of the dossier or the service (a payment made anyway becomes credit)
 */
public record BasketReleasedEvent(
        String dossierNumber,
        String basketId,
        String account,
        List<BasketLine> lines,
        String reason
) {

    public static final String EXPIRED = "EXPIRED";
    public static final String DISCARDED = "DISCARDED";
    public static final String CHANGED_BY_TOWN = "CHANGED_BY_TOWN";

    public BasketReleasedEvent {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
