package fr.espacefamille.command.account;

import fr.espacefamille.events.RefusedException;

import java.time.Duration;

/** A refusal to be answered only after a delay, so that guessing goes slowly. */
class SlowedRefusal extends RefusedException {

    private final transient Duration delay;

    SlowedRefusal(RefusedException refusal, Duration delay) {
        super(refusal.kind(), refusal.code(), refusal.getMessage());
        this.delay = delay;
    }

    Duration delay() {
        return delay;
    }
}
