package fr.espacefamille.query.planning;

import fr.espacefamille.platform.eventstore.EventStoreProperties;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the planning processors run. The confirmation e-mails start from the end of the store: a
 * processor deployed on a store that already holds confirmations must not mail them all again.
 * The read models follow the events in two segments, each family's events in one of them, in
 * order: at the back-to-school wave one thread could not keep up.
 */
@Configuration(proxyBeanMethods = false)
class PlanningProcessors {

    @Bean
    ConfigurerModule confirmationMailsFromTheHead(EventStoreProperties properties) {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(
                ConfirmationMailer.GROUP,
                config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(properties.batchSize())
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
    }

    @Bean
    ConfigurerModule readModelsInTwoSegments(EventStoreProperties properties) {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(
                PlanningProjections.GROUP,
                config -> TrackingEventProcessorConfiguration.forParallelProcessing(2)
                        .andInitialSegmentsCount(2)
                        .andBatchSize(properties.batchSize()));
    }
}
