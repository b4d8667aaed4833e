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

    /** The staff closed the service that day, for this reason ({@code grève}). */
    public static ClosedReason staffClosure(String reason) {
        return new ClosedReason(ClosedKind.STAFF_CLOSURE, "Fermeture : " + reason);
    }
}
