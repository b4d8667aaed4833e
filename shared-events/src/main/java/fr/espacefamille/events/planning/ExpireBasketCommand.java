package fr.espacefamille.events.planning;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Releases a basket that was not confirmed before its expiry; does nothing before then or to a
 * confirmed basket. Answers whether the basket was released.
 */
public record ExpireBasketCommand(
        @TargetAggregateIdentifier String dossierNumber,
        String basketId
) {
}
