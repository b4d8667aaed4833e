package fr.espacefamille.platform.testapp;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Answers the tally's total and records nothing, as a command that finds nothing to change. */
public record ReadTallyCommand(@TargetAggregateIdentifier String tallyId) {
}
