package fr.espacefamille.events.planning;

/** The family's credit and how it came, answered by {@link FamilyCredit}. */
public record FindFamilyCreditQuery(String dossierNumber) {
}
