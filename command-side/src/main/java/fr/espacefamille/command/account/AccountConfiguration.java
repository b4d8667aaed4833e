package fr.espacefamille.command.account;

import com.mongodb.client.MongoDatabase;
import fr.espacefamille.platform.security.AttemptThrottle;
import fr.espacefamille.platform.security.SecurityProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.util.Map;

/** Password hashing, the terms of use in force and the attempt counters of the account feature. */
@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    /**
     * Argon2id with OWASP's parameters (19 MiB, 2 passes, 1 lane) for every new hash; bcrypt
     * hashes, which staff may give in their configuration, are still read. The prefix of each
     * hash ({@code {argon2}}) lets the parameters change later without a migration.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
        return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2,
                                                              "bcrypt", new BCryptPasswordEncoder(12)));
    }

    @Bean
    TermsOfUse termsOfUse(@Value("${espace-famille.terms.version:2026-09}") String version) {
        return new TermsOfUse(version);
    }

    @Bean
    AttemptThrottle attemptThrottle(MongoDatabase database, Clock clock, SecurityProperties properties) {
        AttemptThrottle throttle = new AttemptThrottle(database, clock, properties.loginThrottle().window());
        throttle.ensureIndexes();
        return throttle;
    }
}
