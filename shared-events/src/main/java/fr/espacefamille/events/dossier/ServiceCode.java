package fr.espacefamille.events.dossier;

/**
 * The periscolar services a child can be enrolled in, named by the codes of the town's export.
 *
 * <p>The order of the constants is the order in which enrolments are listed.
 */
public enum ServiceCode {
    /** School canteen. */
    RESTAURATION,
    /** Morning care, before school. */
    ACCUEIL_MATIN,
    /** Evening care, after school. */
    ACCUEIL_SOIR,
    /** Afternoon activities (temps d'activités périscolaires). */
    TAP,
    /** Wednesday centre. */
    MERCREDI
}
