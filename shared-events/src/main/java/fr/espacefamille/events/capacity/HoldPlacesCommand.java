package fr.espacefamille.events.capacity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Holds a place for a child on days of one month of a capacity-limited service, for a basket.
 * Holding again for the same basket changes nothing. Answers with a {@link PlacesAnswer}.
 *
 * @param capacityId     from {@link CapacityIds}
 * @param capacityPerDay the limit as the town configures it now
 */
public record HoldPlacesCommand(
        @TargetAggregateIdentifier String capacityId,
        String service,
        String basketId,
        String childId,
        List<LocalDate> days,
        int capacityPerDay
) {

    public HoldPlacesCommand {
        days = days == null ? List.of() : List.copyOf(days);
    }
}
