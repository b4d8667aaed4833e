package fr.espacefamille.platform.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls for what becomes true eventually: a projection catching up, a mail arriving. */
public final class Eventually {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Eventually() {
    }

    /**
     * Waits until the condition holds, checking every 20 ms; fails after 30 s. A condition that
     * throws (a page not there yet, an assertion on a view still being built) is not met yet;
     * at the deadline its last failure is what the test reports.
     */
    public static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!holds(condition, System.nanoTime() > deadline)) {
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

    private static boolean holds(BooleanSupplier condition, boolean lastTry) {
        try {
            return condition.getAsBoolean();
        } catch (AssertionError | RuntimeException e) {
            if (lastTry) {
                throw e;
            }
            return false;
        }
    }
}
