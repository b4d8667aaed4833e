package fr.espacefamille.platform.axon;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.function.Supplier;

/**
 * Runs commands to several aggregates as one change: all of them record their events, or none.
 *
 * <p>The commands sent through the gateway while it runs are handled in units of work nested in
 * this one (the local command bus handles them on the caller's thread). A nested unit of work
 * hands its events to its parent, so the event store appends them all at once, with one ordered
 * insert, when this one commits; an append that fails part-way removes what it inserted. A
 * command refused half-way rolls this unit of work back, and the events of the commands already
 * accepted are never stored; their aggregates leave the cache, so that the next command loads
 * them from the store.
 *
 * <p>An append that lost a race on one of the aggregates (another node appended first) is tried
 * again from the start, a few times, as the command gateway does for single commands.
 */
public final class OneUnitOfWork {

    private static final int ATTEMPTS = 4;

    private OneUnitOfWork() {
    }

    public static <R> R run(Supplier<R> commands) {
        for (int attempt = 1; ; attempt++) {
            try {
                return runOnce(commands);
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !isLostRace(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean isLostRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    private static <R> R runOnce(Supplier<R> commands) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        R result;
        try {
            result = commands.get();
        } catch (RuntimeException | Error e) {
            unitOfWork.rollback(e);
            throw e;
        }
        unitOfWork.commit();
        return result;
    }
}
