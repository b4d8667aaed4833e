package fr.espacefamille.platform.security;

import fr.espacefamille.events.Audit;
import org.axonframework.messaging.MetaData;
import org.springframework.security.core.Authentication;

import java.security.Principal;

/** Who sends a command, as the audit trail writes it ({@link Audit#AUTHOR}). */
public final class Caller {

    private Caller() {
    }

    /** {@code staff:<username>} for staff, {@code account:<username>} for a parent's account. */
    public static String author(Principal principal) {
        return (isStaff(principal) ? "staff:" : "account:") + principal.getName();
    }

    /** The metadata that a command sent for this caller carries. */
    public static MetaData metaData(Principal principal) {
        return MetaData.with(Audit.AUTHOR, author(principal));
    }

    public static boolean isStaff(Principal principal) {
        return principal instanceof Authentication authentication
                && authentication.getAuthorities().stream()
                        .anyMatch(authority -> Role.STAFF.authority().equals(authority.getAuthority()));
    }
}
