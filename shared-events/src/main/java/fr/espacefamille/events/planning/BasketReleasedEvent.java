package fr.espacefamille.events.planning;

import java.util.List;

/**
 * The basket ended without being confirmed: nothing it held is booked or cancelled, and its
 * pending days are free again.
 *
 * @param reason {@code EXPIRED} when it was not paid in time, {@code DISCARDED} when the parent emptied it
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

    public BasketReleasedEvent {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
