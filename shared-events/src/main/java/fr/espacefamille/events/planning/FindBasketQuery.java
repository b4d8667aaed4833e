package fr.espacefamille.events.planning;

/** A parent's current basket, answered by {@link BasketView} (empty when there is none). */
public record FindBasketQuery(
        String dossierNumber,
        String account
) {
}
