package fr.espacefamille.command.planning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock in the town's zone that a test sets to any Paris wall-clock time. */
final class MovableClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.EPOCH);

    MovableClock setTo(String parisLocalDateTime) {
        now.set(LocalDateTime.parse(parisLocalDateTime).atZone(PlanningRules.TOWN_ZONE).toInstant());
        return this;
    }

    MovableClock setTo(Instant instant) {
        now.set(instant);
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return PlanningRules.TOWN_ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
