package fr.espacefamille.query.console;

/**
 * Where one event processor stands, for the staff console.
 *
 * @param name         the processing group
 * @param replayable   whether a replay is allowed (projections yes, e-mails and webhooks never)
 * @param running      whether it runs in this process
 * @param replaying    whether it is rebuilding its read model and has not yet caught up with the
 *                     head (Axon keeps a replay open until a newer event arrives)
 * @param error        the error it is retrying on, if any
 * @param position     the global position it has reached; {@code null} before the first event
 * @param head         the global position of the last event in the store
 * @param deadLetters  events parked in its dead-letter queue
 */
public record ProcessorStatus(
        String name,
        boolean replayable,
        boolean running,
        boolean replaying,
        String error,
        Long position,
        long head,
        long deadLetters
) {
}
