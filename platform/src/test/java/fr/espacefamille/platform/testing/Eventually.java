package fr.espacefamille.platform.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls for what becomes true eventually: a projection catching up, a mail arriving. */
public final class Eventually {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Eventually() {
    }

    /** Waits until the condition holds, checking every 20 ms; fails after 30 s. */
    public static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within " + TIMEOUT.toSeconds() + " s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
