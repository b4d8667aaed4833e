package fr.espacefamille.platform.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.ListableBeanFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * Gives the processing groups that act on the world (e-mails, calls to other systems) the
 * settings that suit them. Such a group is one whose handlers are marked {@link DisallowReplay}.
 *
 * <ul>
 *   <li>One event per unit of work: a slow mail server never makes a batch outlast the token
 *   claim, which would let another node take it over and send its first e-mails again.</li>
 *   <li>It starts at the moment the application first runs with it, not at the first event of
 *   the store: a new group, or one whose token was lost, does not e-mail every family for what
 *   happened years ago.</li>
 *   <li>An event parked because a read model it needs was behind is handed to it again a
 *   little later ({@link ReadModelBehindRetries}), instead of waiting in the dead-letter queue
 *   for staff to retry it.</li>
 * </ul>
 */
final class SideEffectProcessors implements ConfigurerModule {

    private final ListableBeanFactory beans;
    private final Instant startedAt;

    SideEffectProcessors(ListableBeanFactory beans, Clock clock) {
        this.beans = beans;
        this.startedAt = clock.instant();
    }

    @Override
    public void configureModule(org.axonframework.config.Configurer configurer) {
        for (String group : groups(beans)) {
            configurer.eventProcessing().registerTrackingEventProcessorConfiguration(
                    group,
                    config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                            .andBatchSize(1)
                            .andInitialTrackingToken(source -> source.createTokenAt(startedAt)));
            configurer.eventProcessing().registerDeadLetterPolicy(
                    group, config -> ReadModelBehindRetries.enqueuePolicy());
        }
    }

    /** The processing groups of every bean marked {@link DisallowReplay}. */
    static Set<String> groups(ListableBeanFactory beans) {
        return ProcessingGroups.of(beans, DisallowReplay.class);
    }
}
