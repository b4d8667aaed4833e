package fr.espacefamille.benchmark.ledger;

import fr.espacefamille.platform.eventstore.EventStoreProperties;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The benchmark's application: one aggregate and one projection on the project's own Axon and
 * MongoDB wiring ({@code AxonMongoConfiguration}), exactly as the sides get it.
 *
 * <p>The projection's processor does not start by itself: the benchmark starts it for a replay
 * only, so that it takes nothing from the append measurements. Its dead-letter queue is the
 * platform's, with Axon's sequence identifier cache: while the queue is empty, no event asks
 * the database whether its sequence is parked (without it, each event costs one count query).
 */
@SpringBootApplication
public class LedgerApplication {

    @Bean
    public ConfigurerModule ledgerProcessorStartsOnDemand(EventStoreProperties properties) {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessorConfiguration(
                        LedgerProjection.GROUP,
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(properties.processorBatchSize())
                                .andInitialTrackingToken(source -> source.createHeadToken())
                                .andAutoStart(false));
    }
}
