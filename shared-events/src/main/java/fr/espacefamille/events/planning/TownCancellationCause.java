package fr.espacefamille.events.planning;

/** Why the town cancelled booked days that the family did not cancel. */
public enum TownCancellationCause {
    /** The staff closed the service that day: strike, closure. */
    SERVICE_CLOSED,
    /** The town's export no longer lists the child in the dossier. */
    CHILD_LEFT_DOSSIER,
    /** The town's export no longer enrols the child in the service. */
    ENROLMENT_ENDED
}
