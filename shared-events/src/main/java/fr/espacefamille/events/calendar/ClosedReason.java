package fr.espacefamille.events.calendar;

/**
 * Why a service does not open on a day.
 *
 * @param label in French, for parents, such as {@code Vacances de la Toussaint} or
 *              {@code Jour férié : 11 novembre}
 */
public record ClosedReason(
        ClosedKind kind,
        String label
) {
}
