package fr.espacefamille.benchmark;

import fr.espacefamille.benchmark.Callers.Timing;
import fr.espacefamille.benchmark.Measurements.Rate;

/**
 * Everything measured at one store size.
 *
 * @param size          the size asked for, in events
 * @param storedEvents  events in the store when the measurements began
 * @param filledEvents  events the filler appended to reach the size
 * @param fillNanos     how long filling took
 * @param gatewayOne    appends through the command gateway, one caller
 * @param gatewayMany   appends through the command gateway, many callers
 * @param rawOne        raw {@code insertOne}, one thread
 * @param rawMany       raw {@code insertOne}, many threads
 * @param replay        the projection's replay
 * @param scan          the raw scan
 * @param dataBytes     size of the server's data folder after the point, -1 in memory
 */
record PointResult(
        long size,
        long storedEvents,
        long filledEvents,
        long fillNanos,
        Timing gatewayOne,
        Timing gatewayMany,
        Timing rawOne,
        Timing rawMany,
        Rate replay,
        Rate scan,
        long dataBytes
) {

    double ratioOne() {
        return gatewayOne.perSecond() / rawOne.perSecond();
    }

    double ratioMany() {
        return gatewayMany.perSecond() / rawMany.perSecond();
    }

    double replayRatio() {
        return replay.perSecond() / scan.perSecond();
    }
}
