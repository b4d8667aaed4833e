package fr.espacefamille.query.planning;

/**
 * The read models of bookings, kept by one processing group so that they follow the events in
 * the same order: a confirmation is never projected before the dossier it belongs to.
 */
final class PlanningProjections {

    static final String GROUP = "planning";

    private PlanningProjections() {
    }
}
