package fr.espacefamille.platform.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the event store and of the processors that read it
 * ({@code espace-famille.event-store.*}).
 *
 * @param batchSize         events fetched at once by a processor, and handled in one batch
 * @param gapTimeout        how long a handed-out position may stay empty before processors skip it
 * @param maxGapOffset      how far below a token's index a gap is still awaited, in positions
 * @param fetchDelay        how often an idle processor looks for events appended by other nodes
 * @param snapshotThreshold events after which an aggregate is snapshotted
 * @param cachedAggregates  aggregates kept in memory by each node, the most recently used
 */
@ConfigurationProperties("espace-famille.event-store")
public record EventStoreProperties(
        Integer batchSize,
        Duration gapTimeout,
        Integer maxGapOffset,
        Duration fetchDelay,
        Integer snapshotThreshold,
        Integer cachedAggregates
) {

    public EventStoreProperties {
        batchSize = batchSize == null ? 100 : batchSize;
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(60) : gapTimeout;
        maxGapOffset = maxGapOffset == null ? 10_000 : maxGapOffset;
        fetchDelay = fetchDelay == null ? Duration.ofMillis(100) : fetchDelay;
        snapshotThreshold = snapshotThreshold == null ? 100 : snapshotThreshold;
        cachedAggregates = cachedAggregates == null ? 5_000 : cachedAggregates;
    }
}
