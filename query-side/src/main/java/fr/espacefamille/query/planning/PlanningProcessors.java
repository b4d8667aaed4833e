package fr.espacefamille.query.planning;

import fr.espacefamille.platform.eventstore.EventStoreProperties;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.async.FullConcurrencyPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the planning read models are built: in two segments, each family's events in one of
 * them, in order; at the back-to-school wave one thread could not keep up. (The confirmation
 * e-mails run as every side-effect group does: see the platform's {@code SideEffectProcessors}.)
 */
@Configuration(proxyBeanMethods = false)
class PlanningProcessors {

    @Bean
    ConfigurerModule readModelsInTwoSegments(EventStoreProperties properties) {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(
                PlanningProjections.GROUP,
                config -> TrackingEventProcessorConfiguration.forParallelProcessing(2)
                        .andInitialSegmentsCount(2)
                        .andBatchSize(properties.batchSize()));
    }

    /**
     * Each e-mail parked on its own: a confirmation that waits for its parent's account to reach
     * the accounts view holds no other mail of the family (the other guardian's, the town's
     * cancellations). The mails of a family need no order among themselves.
     */
    @Bean
    ConfigurerModule mailsParkedOneByOne() {
        return configurer -> configurer.eventProcessing().registerSequencingPolicy(
                ConfirmationMailer.GROUP, config -> new FullConcurrencyPolicy());
    }
}
