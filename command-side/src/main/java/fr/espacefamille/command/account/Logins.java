package fr.espacefamille.command.account;

import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.account.AccountGrant;
import fr.espacefamille.events.account.AccountIds;
import fr.espacefamille.events.account.AuthorizeLoginCommand;
import fr.espacefamille.platform.security.AttemptThrottle;
import fr.espacefamille.platform.security.Role;
import fr.espacefamille.platform.security.SecurityProperties;
import fr.espacefamille.platform.security.SecurityProperties.StaffAccount;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Checks a username and a password, for staff and parents alike, and slows down whoever
 * guesses.
 *
 * <p>Failures are counted per username and per address ({@link AttemptThrottle}): past the
 * third, each failure answers a little later; past the limit, every login for that username
 * or from that address is refused for a while, the right password too, then allowed again.
 * Every answer reads the same whether the username exists or not, and takes as long: an
 * unknown username is checked against a hash all the same.
 */
@Service
class Logins {

    private static final Logger logger = LoggerFactory.getLogger(Logins.class);
    private static final int FREE_FAILURES = 3;
    private static final Duration MAX_DELAY = Duration.ofSeconds(5);

    private final Credentials credentials;
    private final StaffAccounts staffAccounts;
    private final PasswordEncoder passwordEncoder;
    private final AttemptThrottle throttle;
    private final SecurityProperties.Throttling limits;
    private final CommandGateway commandGateway;
    private final String unknownUserHash;

    Logins(Credentials credentials, StaffAccounts staffAccounts, PasswordEncoder passwordEncoder,
           AttemptThrottle throttle, SecurityProperties properties, CommandGateway commandGateway) {
        this.credentials = credentials;
        this.staffAccounts = staffAccounts;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.limits = properties.loginThrottle();
        this.commandGateway = commandGateway;
        this.unknownUserHash = passwordEncoder.encode("not a password of anyone " + System.nanoTime());
    }

    /**
     * Who logs in, if the password is right and the account may log in.
     *
     * @throws SlowedRefusal            wrong username or password
     * @throws RefusedException         {@code LOGIN_TEMPORARILY_BLOCKED}, or {@code ACCOUNT_NOT_ACTIVATED}
     *                                  (only once the password was right)
     */
    Login logIn(String username, String password, String address) {
        checkPassword(username, password, address);

        Optional<StaffAccount> staff = staffAccounts.find(username);
        if (staff.isPresent()) {
            logger.info("Staff login of [{}]", staff.get().username());
            return new Login(staff.get().username(), Role.STAFF, List.of());
        }
        AccountGrant grant = commandGateway.sendAndWait(new AuthorizeLoginCommand(AccountIds.of(username)));
        logger.info("Parent login of account [{}]", AccountIds.of(username));
        return new Login(grant.username(), Role.PARENT, grant.dossierNumbers());
    }

    /**
     * Checks the password of a username, with the same throttling as a login. Each attempt is
     * counted before the password is checked, so that guesses sent at once are counted at once:
     * no more passwords are checked than the limits allow. A success takes its attempt back.
     */
    void checkPassword(String username, String password, String address) {
        String userKey = "login-user:" + AccountIds.of(username);
        String addressKey = "login-address:" + address;
        int userAttempts = throttle.recordFailure(userKey);
        int addressAttempts = throttle.recordFailure(addressKey);
        if (userAttempts > limits.perUsername() || addressAttempts > limits.perAddress()) {
            logger.warn("Login refused while throttled");
            throw RefusedException.tooManyRequests("LOGIN_TEMPORARILY_BLOCKED",
                    "Trop de tentatives de connexion ont échoué. Par sécurité, réessayez dans "
                            + minutes(throttle.retryAfter()) + " minutes, ou utilisez « Mot de passe oublié ».");
        }

        Optional<String> hash = hashOf(username);
        if (!matches(password, hash)) {
            logger.warn("Failed login for account [{}]: failure [{}] of the account, [{}] of the address, "
                                + "in the window",
                        hash.isPresent() ? AccountIds.of(username) : "unknown", userAttempts, addressAttempts);
            throw new SlowedRefusal(AccountRefusals.loginFailed(),
                                    delayAfter(Math.max(userAttempts, addressAttempts)));
        }
        throttle.reset(userKey);
        throttle.forgive(addressKey);
    }

    private Optional<String> hashOf(String username) {
        return staffAccounts.find(username).map(StaffAccount::passwordHash)
                .or(() -> credentials.hashOf(AccountIds.of(username)));
    }

    /** Checks a hash even for an unknown username, so that the answer takes as long. */
    private boolean matches(String password, Optional<String> hash) {
        if (password == null || password.length() > PasswordPolicy.MAX_LENGTH
                || !PasswordPolicy.isWellFormed(password)) {
            return false;
        }
        boolean matches = passwordEncoder.matches(password, hash.orElse(unknownUserHash));
        return matches && hash.isPresent();
    }

    private Duration delayAfter(int failures) {
        Duration delay = limits.delayStep().multipliedBy(Math.max(0, failures - FREE_FAILURES));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static long minutes(Duration duration) {
        return Math.max(1, (duration.toSeconds() + 59) / 60);
    }

    /** A session to open. */
    record Login(
            String username,
            Role role,
            List<String> dossierNumbers
    ) {
    }
}
