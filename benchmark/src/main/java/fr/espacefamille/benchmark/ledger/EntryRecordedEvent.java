package fr.espacefamille.benchmark.ledger;

import java.time.LocalDate;

/**
 * An entry recorded on a ledger, about the size of the portal's own events (a booked day, a
 * payment): six fields, a date and a short text.
 */
public record EntryRecordedEvent(
        String ledgerId,
        long entryNumber,
        long amountCents,
        long balanceCents,
        String label,
        LocalDate day
) {
}
