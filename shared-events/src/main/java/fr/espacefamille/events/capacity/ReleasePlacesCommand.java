package fr.espacefamille.events.capacity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Gives back places: those a basket held (it expired, or the days left it), or, with a
 * {@code null} basket, those of booked days that were cancelled. Idempotent.
 */
public record ReleasePlacesCommand(
        @TargetAggregateIdentifier String capacityId,
        String basketId,
        String childId,
        List<LocalDate> days
) {

    public ReleasePlacesCommand {
        days = days == null ? List.of() : List.copyOf(days);
    }
}
