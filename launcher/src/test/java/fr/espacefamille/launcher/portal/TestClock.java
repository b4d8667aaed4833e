package fr.espacefamille.launcher.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the tests move forward; it runs with real time in between. */
final class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final ZoneId zone;

    TestClock(ZoneId zone) {
        this.zone = zone;
    }

    void advance(Duration duration) {
        offset.accumulateAndGet(duration, Duration::plus);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The portal's clock keeps the town's zone");
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}
