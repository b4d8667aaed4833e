package fr.espacefamille.events.dossier;

/** What an {@link ImportDossierCommand} did to its dossier. */
public enum DossierImportOutcome {
    /** The dossier was new. */
    REGISTERED,
    /** The dossier existed with other details. */
    CHANGED,
    /** The dossier existed with the same details; no event was recorded. */
    UNCHANGED
}
