package fr.espacefamille.events.planning;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * What the capacity of a service answered for days of a basket: the days whose place is held
 * stay in the basket, the full ones leave it. Answers with the {@link BasketView}.
 */
public record RecordPlacesCommand(
        @TargetAggregateIdentifier String dossierNumber,
        String basketId,
        String childId,
        String service,
        List<LocalDate> granted,
        List<LocalDate> full
) {

    public RecordPlacesCommand {
        granted = granted == null ? List.of() : List.copyOf(granted);
        full = full == null ? List.of() : List.copyOf(full);
    }
}
