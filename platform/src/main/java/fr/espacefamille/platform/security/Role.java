package fr.espacefamille.platform.security;

/** What a session may do; Spring Security sees each as the authority {@code ROLE_<name>}. */
public enum Role {
    /** An activated parent's account: Mon dossier and the family's own dossiers. */
    PARENT,
    /** A member of the town's family service: the back-office. */
    STAFF,
    /** A parent in the middle of the sign-up, before activation: the sign-up's next steps only. */
    REGISTRANT;

    public String authority() {
        return "ROLE_" + name();
    }
}
