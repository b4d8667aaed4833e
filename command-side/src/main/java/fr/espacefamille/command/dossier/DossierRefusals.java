package fr.espacefamille.command.dossier;

import fr.espacefamille.events.RefusedException;

/** Refusals that must read the same wherever they come from. */
public final class DossierRefusals {

    private DossierRefusals() {
    }

    /** A wrong number, a wrong name or both: the parent is never told which. */
    public static RefusedException pairMismatch() {
        return RefusedException.invalid("DOSSIER_PAIR_MISMATCH",
                "Le numéro et le nom de dossier ne correspondent à aucun dossier. Vérifiez-les sur le "
                        + "courrier de la mairie.");
    }
}
