package fr.espacefamille.events.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Step 6: the parent accepts the terms of use (CGU) in this version. Refused with
 * {@code TERMS_VERSION_OUTDATED} unless it is the version in force.
 */
public record AcceptTermsCommand(
        @TargetAggregateIdentifier String accountId,
        String termsVersion
) {
}
