package fr.espacefamille.events.dossier;

/**
 * One dossier in full, answered by {@link DossierView}; refused with {@code DOSSIER_NOT_FOUND}
 * when no dossier has this number.
 */
public record FindDossierQuery(String dossierNumber) {
}
