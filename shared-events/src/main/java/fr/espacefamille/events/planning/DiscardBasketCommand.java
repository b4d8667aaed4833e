package fr.espacefamille.events.planning;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Empties the parent's open basket; nothing is booked or cancelled. Answers with the {@link BasketView}. */
public record DiscardBasketCommand(
        @TargetAggregateIdentifier String dossierNumber,
        String account
) {
}
