package fr.espacefamille.platform.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends a command again when it lost a race on its aggregate, and only then.
 *
 * <p>Two command-side nodes may hold the same aggregate in their caches; the second to append
 * hits the unique sequence key and gets a {@link ConcurrencyException}. Axon drops the stale
 * aggregate from the cache on rollback, so a retry loads the fresh stream and decides again.
 * A refused command is never retried: the rule would refuse it again.
 */
class ConcurrencyRetryScheduler implements RetryScheduler {

    private static final Logger logger = LoggerFactory.getLogger(ConcurrencyRetryScheduler.class);

    private final ScheduledExecutorService executor;
    private final int maxRetries;

    ConcurrencyRetryScheduler(ScheduledExecutorService executor, int maxRetries) {
        this.executor = executor;
        this.maxRetries = maxRetries;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean scheduleRetry(CommandMessage command,
                                 RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures,
                                 Runnable dispatchAgain) {
        if (!isConcurrencyFailure(lastFailure) || failures.size() > maxRetries) {
            return false;
        }
        long delay = ThreadLocalRandom.current().nextLong(5, 20L * failures.size() + 5);
        logger.debug("Retrying [{}] after a concurrent change, attempt [{}]", command.getCommandName(),
                     failures.size());
        executor.schedule(dispatchAgain, delay, TimeUnit.MILLISECONDS);
        return true;
    }

    private static boolean isConcurrencyFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
