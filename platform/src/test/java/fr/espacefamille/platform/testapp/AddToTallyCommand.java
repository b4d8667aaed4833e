package fr.espacefamille.platform.testapp;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddToTallyCommand(@TargetAggregateIdentifier String tallyId, long amount) {
}
