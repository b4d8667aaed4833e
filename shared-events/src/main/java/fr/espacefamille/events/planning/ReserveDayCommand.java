package fr.espacefamille.events.planning;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Puts one day of one child at one service in the parent's basket, to be booked once the basket
 * is confirmed. Refused with {@code CHILD_NOT_FOUND}, {@code UNKNOWN_SERVICE},
 * {@code NOT_ENROLLED}, {@code PAST_DAY}, {@code DAY_NOT_OPEN}, {@code PAST_CUT_OFF},
 * {@code ALREADY_BOOKED}, {@code ALREADY_IN_BASKET} or {@code BASKET_AWAITING_PAYMENT}.
 * Answers with a {@link BasketChangeReport}.
 *
 * @param account the username of the parent whose basket it is
 */
public record ReserveDayCommand(
        @TargetAggregateIdentifier String dossierNumber,
        String account,
        String childId,
        String service,
        LocalDate day
) {
}
