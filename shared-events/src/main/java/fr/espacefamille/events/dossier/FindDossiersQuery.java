package fr.espacefamille.events.dossier;

/** Lists every dossier for the staff, answered by {@link DossierSummaries}. */
public record FindDossiersQuery() {
}
