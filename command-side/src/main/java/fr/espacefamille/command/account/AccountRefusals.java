package fr.espacefamille.command.account;

import fr.espacefamille.events.RefusedException;

/** Refusals of the account feature that more than one place gives. */
final class AccountRefusals {

    private AccountRefusals() {
    }

    static RefusedException usernameTaken() {
        return RefusedException.conflict("USERNAME_TAKEN",
                "Cet identifiant est déjà pris. Choisissez-en un autre, par exemple en y ajoutant votre prénom.");
    }

    static RefusedException activationLinkUsed() {
        return RefusedException.conflict("ACTIVATION_LINK_USED",
                "Ce lien a déjà servi : votre compte est activé. Connectez-vous avec votre identifiant.");
    }

    static RefusedException loginFailed() {
        return RefusedException.unauthorized("LOGIN_FAILED",
                "Identifiant ou mot de passe incorrect.");
    }
}
