package fr.espacefamille.platform.eventstore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Remembers since when each handed-out position has been seen empty, to tell a slow append
 * (still awaited) from a failed one (given up after the gap timeout).
 *
 * <p>It also knows the positions that this process reserved and gave up unused: those are never
 * written, and need not be awaited.
 *
 * <p>The memory is per process: after a restart, a gap is awaited for one more timeout. That
 * errs on the side of delivering late events rather than skipping them.
 */
final class MissingPositions {

    private final Clock clock;
    private final Duration gapTimeout;
    private static final int REMEMBERED_ABANDONED_BLOCKS = 10_000;

    private final Map<Long, Instant> firstSeenMissing = new ConcurrentHashMap<>();
    private final NavigableMap<Long, Long> abandonedBlocks = new ConcurrentSkipListMap<>();
    private final Set<Long> reportedGivenUp = ConcurrentHashMap.newKeySet();

    MissingPositions(Clock clock, Duration gapTimeout) {
        this.clock = clock;
        this.gapTimeout = gapTimeout;
    }

    /** Records which of the wanted positions were found and which were still empty. */
    void update(Collection<Long> wanted, Collection<Long> found) {
        Instant now = clock.instant();
        Set<Long> foundSet = new HashSet<>(found);
        for (Long position : wanted) {
            if (foundSet.contains(position)) {
                firstSeenMissing.remove(position);
            } else {
                firstSeenMissing.putIfAbsent(position, now);
            }
        }
        forgetLongGivenUp(now);
    }

    /** Records positions from {@code from} to {@code to} that were reserved here and never written. */
    void abandoned(long from, long to) {
        abandonedBlocks.put(from, to);
        while (abandonedBlocks.size() > REMEMBERED_ABANDONED_BLOCKS) {
            abandonedBlocks.pollFirstEntry();
        }
    }

    /** Whether this process reserved the position and gave it up unused. */
    boolean isAbandoned(long position) {
        Map.Entry<Long, Long> block = abandonedBlocks.floorEntry(position);
        return block != null && position <= block.getValue();
    }

    /**
     * Whether a gap is still worth waiting for: not given up here, and empty for less than the
     * gap timeout.
     */
    boolean isStillAwaited(long position) {
        if (isAbandoned(position)) {
            return false;
        }
        Instant since = firstSeenMissing.get(position);
        return since == null || clock.instant().isBefore(since.plus(gapTimeout));
    }

    /**
     * Whether the gap timed out here and is being given up for the first time in this process:
     * every processor, and every poll of an idle one, gives it up again until a later event
     * moves its token on, and the log says it once.
     */
    boolean isFirstGivenUp(long position) {
        if (isStillAwaited(position) || isAbandoned(position)) {
            return false;
        }
        if (reportedGivenUp.size() >= 10_000) {
            reportedGivenUp.clear();
        }
        return reportedGivenUp.add(position);
    }

    private void forgetLongGivenUp(Instant now) {
        if (firstSeenMissing.size() < 10_000) {
            return;
        }
        Instant horizon = now.minus(gapTimeout.multipliedBy(10));
        firstSeenMissing.values().removeIf(since -> since.isBefore(horizon));
    }
}
