package fr.espacefamille.events.calendar;

/** Why a service does not open on a day. */
public enum ClosedKind {
    /** The service does not run on this day of the week. */
    NOT_A_SERVICE_DAY,
    /** Not in a school year the town's calendar knows: summer, or a year not yet published. */
    OUTSIDE_SCHOOL_YEAR,
    /** School holidays of the zone. */
    SCHOOL_HOLIDAY,
    /** A public holiday. */
    PUBLIC_HOLIDAY,
    /** Closed by the staff: strike, closure. */
    STAFF_CLOSURE
}
