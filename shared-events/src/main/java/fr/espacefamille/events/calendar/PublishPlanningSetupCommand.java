package fr.espacefamille.events.calendar;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records the town's configuration of services and school calendar, if it changed. Answers
 * whether anything was recorded.
 */
public record PublishPlanningSetupCommand(
        @TargetAggregateIdentifier String calendarId,
        PlanningSetup setup
) {

    /** The town has one planning calendar. */
    public static final String TOWN = "town-calendar";
}
