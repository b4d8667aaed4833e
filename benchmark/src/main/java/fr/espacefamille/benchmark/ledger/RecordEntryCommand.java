package fr.espacefamille.benchmark.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Records one entry on a ledger, creating the ledger on its first entry. */
public record RecordEntryCommand(
        @TargetAggregateIdentifier String ledgerId,
        long amountCents,
        String label,
        LocalDate day
) {
}
