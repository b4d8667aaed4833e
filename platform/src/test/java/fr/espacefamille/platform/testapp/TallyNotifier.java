package fr.espacefamille.platform.testapp;

import fr.espacefamille.platform.axon.ReadModelBehindException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** A side effect on tallies, as a mailer would be: records what it was told and in what batches. */
@Component
@ProcessingGroup(TallyNotifier.GROUP)
@DisallowReplay
public class TallyNotifier {

    public static final String GROUP = "tally-notifications";

    private final Queue<TallyIncreasedEvent> notified = new ConcurrentLinkedQueue<>();
    private final AtomicInteger largestBatch = new AtomicInteger();
    private volatile String unreachable;
    private volatile String notYetInView;

    @EventHandler
    void on(TallyIncreasedEvent event) {
        if (event.tallyId().equals(unreachable)) {
            throw new IllegalStateException("The recipient of " + unreachable + " cannot be reached");
        }
        if (event.tallyId().equals(notYetInView)) {
            throw new ReadModelBehindException("The recipient of " + notYetInView + " is not yet in the view");
        }
        notified.add(event);
        if (CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch) {
            largestBatch.accumulateAndGet(batch.getMessages().size(), Math::max);
        }
    }

    /** Makes every notice about this tally fail, as a mail server that refuses one address. */
    public void failFor(String tallyId) {
        this.unreachable = tallyId;
    }

    /** Makes every notice about this tally wait, as a mailer whose recipient's view is behind. */
    public void awaitViewFor(String tallyId) {
        this.notYetInView = tallyId;
    }

    public Queue<TallyIncreasedEvent> notified() {
        return notified;
    }

    public int largestBatch() {
        return largestBatch.get();
    }
}
