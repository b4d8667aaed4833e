package fr.espacefamille.query.console;

import fr.espacefamille.events.RefusedException;
import fr.espacefamille.platform.eventstore.MongoEventStorageEngine;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets staff see every event processor of this process and rebuild a projection.
 *
 * <p>A replay empties the projection's read model (its reset handler) and reads the store again
 * from the first event. Processors that send e-mails or call other systems are marked
 * {@code @DisallowReplay} and are refused here, so a replay never sends anything twice.
 */
@Service
public class EventProcessorConsole {

    private static final Logger logger = LoggerFactory.getLogger(EventProcessorConsole.class);
    private static final Duration WORKER_START = Duration.ofSeconds(5);

    private final EventProcessingConfiguration processing;
    private final MongoEventStorageEngine eventStore;

    private final Lock replaying = new ReentrantLock();

    EventProcessorConsole(EventProcessingConfiguration processing, MongoEventStorageEngine eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    public List<ProcessorStatus> processors() {
        long head = lastVisiblePosition();
        return processing.eventProcessors().values().stream()
                .map(processor -> statusOf(processor, head))
                .sorted(Comparator.comparing(ProcessorStatus::name))
                .toList();
    }

    public ProcessorStatus processor(String name) {
        return statusOf(tracking(name), lastVisiblePosition());
    }

    /**
     * Resets the processor's tokens and starts it again; its read model is rebuilt from scratch.
     * One replay at a time per process: a second request while one is being set up is refused.
     */
    public ProcessorStatus replay(String name) {
        TrackingEventProcessor processor = tracking(name);
        if (!processor.supportsReset()) {
            throw RefusedException.conflict("PROCESSOR_NOT_REPLAYABLE",
                    "Ce traitement envoie des messages ou appelle d'autres systèmes : il ne peut pas être rejoué.");
        }
        if (!replaying.tryLock()) {
            throw RefusedException.conflict("REPLAY_IN_PROGRESS",
                    "Une reconstruction est déjà en cours de lancement. Merci de réessayer dans un instant.");
        }
        try {
            restartFromScratch(processor);
        } finally {
            replaying.unlock();
        }
        logger.info("Replay of processor [{}] started", name);
        return processor(name);
    }

    /**
     * Axon starts a processor's workers on a thread of its own after {@code start()} returns. A
     * shutdown that came while that thread was still launching them stopped nothing, and the
     * next {@code start()} launched no worker: two replays asked for in quick succession left
     * the processor running without a worker, its read model empty until the next restart. So
     * a restart waits for the workers of the previous start before it shuts them down, and for
     * its own before it lets the next replay in.
     */
    private static void restartFromScratch(TrackingEventProcessor processor) {
        awaitWorkers(processor);
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException e) {
            throw RefusedException.conflict("PROCESSOR_BUSY_ELSEWHERE",
                    "Ce traitement tourne sur une autre instance ; relancez la reconstruction depuis celle-ci.");
        } finally {
            processor.start();
            awaitWorkers(processor);
        }
    }

    /**
     * Waits until a running processor has a worker, for {@link #WORKER_START} at most: on a node
     * whose segments another node holds, none ever comes.
     */
    private static void awaitWorkers(TrackingEventProcessor processor) {
        long deadline = System.nanoTime() + WORKER_START.toNanos();
        while (processor.isRunning() && processor.activeProcessorThreads() == 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Tries the parked events of the processor again, in order; returns how many sequences passed. */
    public int retryDeadLetters(String name) {
        tracking(name);
        var deadLetters = processing.sequencedDeadLetterProcessor(name).orElseThrow(() -> RefusedException.conflict(
                "NO_DEAD_LETTER_QUEUE", "Ce traitement n'a pas de file de messages en échec."));
        int passed = 0;
        while (deadLetters.processAny()) {
            passed++;
        }
        logger.info("Retried dead letters of processor [{}]: [{}] sequence(s) passed", name, passed);
        return passed;
    }

    private TrackingEventProcessor tracking(String name) {
        return processing.eventProcessor(name, TrackingEventProcessor.class)
                .orElseThrow(() -> RefusedException.notFound("PROCESSOR_NOT_FOUND",
                        "Aucun traitement de ce nom ne tourne ici."));
    }

    /**
     * Where a processor that has read everything stands: the last visible event. Writers take
     * positions in blocks, so the position counter itself may run ahead of any event.
     */
    private long lastVisiblePosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    private ProcessorStatus statusOf(EventProcessor processor, long head) {
        if (!(processor instanceof TrackingEventProcessor tracking)) {
            return new ProcessorStatus(processor.getName(), false, processor.isRunning(), false, null, null, head,
                                       deadLetters(processor.getName()));
        }
        List<EventTrackerStatus> segments = List.copyOf(tracking.processingStatus().values());
        OptionalLong position = segments.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min();
        String error = segments.stream().filter(EventTrackerStatus::isErrorState)
                .map(status -> String.valueOf(status.getError()))
                .findFirst().orElse(null);
        boolean behindHead = position.isEmpty() || position.getAsLong() < head;
        return new ProcessorStatus(tracking.getName(),
                                   tracking.supportsReset(),
                                   tracking.isRunning(),
                                   behindHead && segments.stream().anyMatch(EventTrackerStatus::isReplaying),
                                   error,
                                   position.isPresent() ? position.getAsLong() : null,
                                   head,
                                   deadLetters(tracking.getName()));
    }

    private long deadLetters(String name) {
        return processing.deadLetterQueue(name).map(SequencedDeadLetterQueue::size).orElse(0L);
    }
}
