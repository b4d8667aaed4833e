package fr.espacefamille.events.planning;

/** Whether a whole-period change books or cancels. */
public enum PeriodAction {
    BOOK,
    CANCEL
}
