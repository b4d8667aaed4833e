package fr.espacefamille.events.planning;

/**
 * The planning page of a family: its children, the services each is enrolled in, the credit.
 * Answered by {@link FamilyPlanningView}; refused with {@code DOSSIER_NOT_FOUND}.
 */
public record FindFamilyPlanningQuery(String dossierNumber) {
}
