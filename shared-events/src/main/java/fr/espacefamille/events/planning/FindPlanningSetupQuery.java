package fr.espacefamille.events.planning;

/**
 * The town's services and school calendar as last published, answered by
 * {@link fr.espacefamille.events.calendar.PlanningSetup}; refused with {@code PLANNING_NOT_READY}
 * before the first publication.
 */
public record FindPlanningSetupQuery() {
}
