package fr.espacefamille.command.payment;

import com.mongodb.client.MongoDatabase;
import fr.espacefamille.command.payment.sandbox.SandboxPayfip;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import java.time.Clock;

/** Picks the payment provider; the sandbox unless another is configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
class PaymentConfiguration {

    @Bean
    @ConditionalOnProperty(name = "espace-famille.payment.provider", havingValue = "sandbox", matchIfMissing = true)
    SandboxPayfip sandboxPayfip(MongoDatabase database, PaymentProperties properties, Clock clock,
                                WebClient.Builder webClients) {
        return new SandboxPayfip(database, properties, clock, webClients.build());
    }
}
