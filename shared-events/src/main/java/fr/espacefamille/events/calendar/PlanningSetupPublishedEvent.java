package fr.espacefamille.events.calendar;

/** The town's services or school calendar changed; carries the whole new setup. */
public record PlanningSetupPublishedEvent(
        String calendarId,
        PlanningSetup setup
) {
}
