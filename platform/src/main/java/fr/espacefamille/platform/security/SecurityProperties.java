package fr.espacefamille.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Sessions, login throttling and staff accounts ({@code espace-famille.security.*}).
 *
 * @param sessionIdleTimeout     a session unused this long ends (default 30 minutes)
 * @param sessionAbsoluteTimeout a session ends this long after login, used or not (default 12 hours)
 * @param secureCookies          {@code true} to mark cookies Secure always, {@code false} never;
 *                               unset, they are Secure when the request came over HTTPS
 * @param loginThrottle          how failed logins are slowed and refused
 * @param signUpsPerAddress      sign-ups accepted from one address in a throttling window (default 20)
 * @param staff                  the staff accounts; their passwords are given as hashes
 */
@ConfigurationProperties("espace-famille.security")
public record SecurityProperties(
        Duration sessionIdleTimeout,
        Duration sessionAbsoluteTimeout,
        Boolean secureCookies,
        Throttling loginThrottle,
        Integer signUpsPerAddress,
        List<StaffAccount> staff
) {

    public SecurityProperties {
        sessionIdleTimeout = sessionIdleTimeout == null ? Duration.ofMinutes(30) : sessionIdleTimeout;
        sessionAbsoluteTimeout = sessionAbsoluteTimeout == null ? Duration.ofHours(12) : sessionAbsoluteTimeout;
        loginThrottle = loginThrottle == null ? new Throttling(null, null, null, null) : loginThrottle;
        signUpsPerAddress = signUpsPerAddress == null ? 20 : signUpsPerAddress;
        staff = staff == null ? List.of() : List.copyOf(staff);
    }

    /**
     * Failed logins within a window: past {@code perUsername} failures for one username, or
     * {@code perAddress} from one address, every login for it is refused until the window has
     * passed; before that, each failure past the third answers {@code delayStep} later.
     *
     * @param window      default 15 minutes; a refusal lasts at most two windows
     * @param perUsername default 5
     * @param perAddress  default 30
     * @param delayStep   default 1 second, at most 5 seconds in all
     */
    public record Throttling(
            Duration window,
            Integer perUsername,
            Integer perAddress,
            Duration delayStep
    ) {

        public Throttling {
            window = window == null ? Duration.ofMinutes(15) : window;
            perUsername = perUsername == null ? 5 : perUsername;
            perAddress = perAddress == null ? 30 : perAddress;
            delayStep = delayStep == null ? Duration.ofSeconds(1) : delayStep;
        }
    }

    /**
     * A staff member's way in.
     *
     * @param username     as typed at login, compared without case
     * @param passwordHash in Spring Security's form, e.g. {@code {argon2}$argon2id$v=19$...} or
     *                     {@code {bcrypt}$2a$12$...}
     */
    public record StaffAccount(
            String username,
            String passwordHash
    ) {
    }
}
