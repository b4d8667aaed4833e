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

    /** Each guardian stands for one account at most, whoever asks and with whatever address. */
    public static RefusedException guardianAlreadyLinked() {
        return RefusedException.conflict("GUARDIAN_ALREADY_LINKED",
                "Ce responsable légal a déjà un compte sur l'Espace Famille. Connectez-vous avec son "
                        + "identifiant, ou utilisez « Mot de passe oublié ». Si vous n'avez pas créé ce "
                        + "compte, contactez le service famille.");
    }
}
