package fr.espacefamille.platform.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the event store and of the processors that read it
 * ({@code espace-famille.event-store.*}).
 *
 * @param batchSize         events a processor fetches from the store with one query
 * @param processorBatchSize events a processor handles at most in one unit of work, between two
 *                          updates of its token. A processor following the head handles what
 *                          has arrived, rarely more than a few events; one replaying takes full
 *                          batches, and 1,000 against 100 nearly doubles its rate. The price:
 *                          more events delivered again after a crash, which the idempotent
 *                          projections absorb.
 * @param gapTimeout        how long a handed-out position may stay empty before processors skip it
 * @param maxGapOffset      how far below a token's index a gap is still awaited, in positions
 * @param fetchDelay        how often an idle processor looks for events appended by other nodes
 * @param snapshotThreshold events after which an aggregate is snapshotted
 * @param cachedAggregates  aggregates kept in memory by each node, the most recently used; enough for
 *                          the families of a large town (a dossier's planning, its basket and the
 *                          capacity ledgers): with 5,000, a town of 10,000 children had the 17h
 *                          rush load evicted families from the store, its p99 four to thirteen
 *                          times higher (128 to 440 ms against 33)
 * @param singleWriter      whether this node is the only one appending to the store, as with the
 *                          embedded server: its cached aggregates are then never stale and are
 *                          used without asking the store first. Off by default, for the split
 *                          deployment where several command-side nodes share one MongoDB.
 */
@ConfigurationProperties("espace-famille.event-store")
public record EventStoreProperties(
        Integer batchSize,
        Duration gapTimeout,
        Integer maxGapOffset,
        Duration fetchDelay,
        Integer snapshotThreshold,
        Integer cachedAggregates,
        Integer processorBatchSize,
        Boolean singleWriter
) {

    public EventStoreProperties {
        batchSize = batchSize == null ? 100 : batchSize;
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(60) : gapTimeout;
        maxGapOffset = maxGapOffset == null ? 10_000 : maxGapOffset;
        fetchDelay = fetchDelay == null ? Duration.ofMillis(100) : fetchDelay;
        snapshotThreshold = snapshotThreshold == null ? 100 : snapshotThreshold;
        cachedAggregates = cachedAggregates == null ? 20_000 : cachedAggregates;
        processorBatchSize = processorBatchSize == null ? 1_000 : processorBatchSize;
        singleWriter = singleWriter != null && singleWriter;
    }
}
