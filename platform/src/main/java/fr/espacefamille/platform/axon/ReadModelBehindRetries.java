package fr.espacefamille.platform.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands the events that a side-effect group parked because a read model was behind
 * ({@link ReadModelBehindException}) to their handlers again, every second at first, then
 * less and less often, at most {@link #LONGEST_DELAY} apart, until they pass.
 *
 * <p>Every processing group has a dead-letter queue, so a handler that throws parks its event
 * (and the later events of the same sequence, in order) instead of having the processor retry
 * it: left alone, the event would wait for staff to retry it from the console. This does it for
 * the one failure that is sure to heal by itself. Other failures, such as a mail server that
 * refuses, stay parked for the console as before.
 *
 * <p>Every node of a side runs it; the queue lets one node at a time claim a sequence, and the
 * side effects are guarded by the {@link SideEffectLog}, so an e-mail retried is sent once. The
 * delays use the system clock, as the queue does, not the town's clock that tests move by days.
 */
final class ReadModelBehindRetries implements SmartLifecycle {

    static final String ATTEMPTS = "readModelBehindAttempts";
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final int PROMPT_ATTEMPTS = 10;
    static final Duration LONGEST_DELAY = Duration.ofMinutes(5);
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);
    /** Sequences passed in one round at most, so that a long queue does not hold the thread. */
    private static final int SEQUENCES_PER_ROUND = 100;
    private static final Logger logger = LoggerFactory.getLogger(ReadModelBehindRetries.class);

    private final ObjectProvider<EventProcessingConfiguration> processors;
    private final Set<String> groups;
    private final Clock clock = Clock.systemUTC();
    private EventProcessingConfiguration processing;
    private ScheduledExecutorService scheduler;

    ReadModelBehindRetries(ObjectProvider<EventProcessingConfiguration> processors, Set<String> groups) {
        this.processors = processors;
        this.groups = groups;
    }

    /**
     * Parks an event whose read model was behind with one more attempt counted; parks any other
     * failure as Axon does by default.
     */
    static EnqueuePolicy<EventMessage<?>> enqueuePolicy() {
        return (letter, cause) -> {
            if (!(cause instanceof ReadModelBehindException)) {
                return Decisions.enqueue(cause);
            }
            int attempts = attemptsOf(letter) + 1;
            logger.warn("Event [{}] waits for a read model (attempt [{}]): {}", letter.message().getIdentifier(),
                        attempts, cause.getMessage());
            return Decisions.requeue(cause, parked -> parked.diagnostics().and(ATTEMPTS, attempts));
        };
    }

    /** Hands every parked event that is due to its handlers again. */
    void retryDue() {
        for (String group : groups) {
            if (processing.deadLetterQueue(group).map(SequencedDeadLetterQueue::size).orElse(0L) == 0) {
                continue;
            }
            var deadLetters = processing.sequencedDeadLetterProcessor(group).orElseThrow();
            Instant now = clock.instant();
            AtomicBoolean found = new AtomicBoolean(true);
            for (int round = 0; round < SEQUENCES_PER_ROUND && found.get(); round++) {
                found.set(false);
                boolean passed = deadLetters.process(letter -> {
                    boolean due = isDue(letter, now);
                    found.compareAndSet(false, due);
                    return due;
                });
                if (passed) {
                    logger.info("Events of group [{}] parked while a read model was behind are handled", group);
                }
            }
        }
    }

    static boolean isDue(DeadLetter<? extends EventMessage<?>> letter, Instant now) {
        boolean behind = letter.cause().map(Cause::type).filter(ReadModelBehindException.class.getName()::equals)
                .isPresent();
        return behind && !now.isBefore(letter.lastTouched().plus(delayAfter(attemptsOf(letter))));
    }

    /**
     * 1 s after each of the first {@value #PROMPT_ATTEMPTS} attempts, then twice as long after
     * each next one, five minutes at most. A read model is behind by seconds as a rule, and the
     * mail should follow within a second of its catching up; one that is still behind after
     * that (a replay, a backlog) is asked less and less often.
     */
    static Duration delayAfter(int attempts) {
        int doublings = Math.min(Math.max(attempts - PROMPT_ATTEMPTS, 0), 16);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
    }

    private static int attemptsOf(DeadLetter<? extends EventMessage<?>> letter) {
        Object attempts = letter.diagnostics().get(ATTEMPTS);
        return attempts == null ? 0 : Integer.parseInt(String.valueOf(attempts));
    }

    @Override
    public void start() {
        processing = processors.getObject();
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "read-model-behind-retries");
            thread.setDaemon(true);
            return thread;
        });
        long interval = CHECK_INTERVAL.toMillis();
        scheduler.scheduleWithFixedDelay(this::retryDueSafely, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void retryDueSafely() {
        try {
            retryDue();
        } catch (RuntimeException e) {
            logger.warn("Could not retry the events parked while a read model was behind; will try again", e);
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** After Axon's processors have started, before they stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
