package fr.espacefamille.events.planning;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Puts the cancellation of a booked day in the parent's basket. Refused with
 * {@code NOT_BOOKED}, {@code PAST_DAY}, {@code PAST_CUT_OFF}, {@code ALREADY_IN_BASKET} and the
 * codes of {@link ReserveDayCommand} about the child and the service. Answers with a
 * {@link BasketChangeReport}.
 */
public record CancelReservationCommand(
        @TargetAggregateIdentifier String dossierNumber,
        String account,
        String childId,
        String service,
        LocalDate day
) {
}
