package fr.espacefamille.command.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How payments are made ({@code espace-famille.payment.*}).
 *
 * @param provider          {@code sandbox}: the in-process imitation of PayFiP, the only one so far
 * @param publicUrl         the portal's address as the provider and the payer's browser reach it;
 *                          by default the address of the request that starts the payment
 * @param sandboxSecret     the key the sandbox signs its notifications with
 * @param sandboxNotificationDelay how long after the payer's choice the sandbox notifies
 */
@ConfigurationProperties("espace-famille.payment")
public record PaymentProperties(
        String provider,
        String publicUrl,
        String sandboxSecret,
        Duration sandboxNotificationDelay
) {

    public PaymentProperties {
        provider = provider == null ? "sandbox" : provider;
        sandboxSecret = sandboxSecret == null ? "bac-a-sable-payfip" : sandboxSecret;
        sandboxNotificationDelay = sandboxNotificationDelay == null ? Duration.ofMillis(300) : sandboxNotificationDelay;
    }
}
