package fr.espacefamille.platform.axon;

/**
 * Thrown by a side effect that needs a read model which has not yet caught up with the event
 * it handles (the view of an account that exists, a dossier being rebuilt by a replay). The
 * event is parked and handed to the side effect again, with a growing delay, until the view has
 * it: see {@link ReadModelBehindRetries}. Nothing is carried out on a guess meanwhile.
 */
public class ReadModelBehindException extends RuntimeException {

    public ReadModelBehindException(String message) {
        super(message);
    }
}
