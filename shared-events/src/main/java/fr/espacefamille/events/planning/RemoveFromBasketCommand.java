package fr.espacefamille.events.planning;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Takes a day out of the parent's open basket. Answers with the {@link BasketView}. */
public record RemoveFromBasketCommand(
        @TargetAggregateIdentifier String dossierNumber,
        String account,
        String childId,
        String service,
        LocalDate day
) {
}
