package fr.espacefamille.query.planning;

import fr.espacefamille.platform.eventstore.EventStoreProperties;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
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
}
