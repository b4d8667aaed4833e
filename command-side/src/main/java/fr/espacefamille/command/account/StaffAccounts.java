package fr.espacefamille.command.account;

import fr.espacefamille.platform.security.SecurityProperties;
import fr.espacefamille.platform.security.SecurityProperties.StaffAccount;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/**
 * The town's staff, provisioned by configuration ({@code espace-famille.security.staff[n].*}):
 * a username and a password hash each. Their usernames are reserved: no parent can take one.
 */
@Component
class StaffAccounts {

    private final SecurityProperties properties;

    StaffAccounts(SecurityProperties properties) {
        this.properties = properties;
    }

    Optional<StaffAccount> find(String username) {
        String wanted = username.toLowerCase(Locale.ROOT);
        return properties.staff().stream()
                .filter(staff -> staff.username() != null && staff.passwordHash() != null)
                .filter(staff -> staff.username().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }
}
