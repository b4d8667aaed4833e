package fr.espacefamille.events.planning;

/** What a basket line does to a booked day. */
public enum ChangeKind {
    /** Books the day once the basket is confirmed. */
    BOOK,
    /** Cancels the booked day once the basket is confirmed. */
    CANCEL
}
