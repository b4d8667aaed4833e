package fr.espacefamille.events.capacity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** The basket holding these places was confirmed: they are taken for good. Idempotent. */
public record ConfirmPlacesCommand(
        @TargetAggregateIdentifier String capacityId,
        String basketId,
        String childId,
        List<LocalDate> days
) {

    public ConfirmPlacesCommand {
        days = days == null ? List.of() : List.copyOf(days);
    }
}
