package fr.espacefamille.events.account;

import org.axonframework.serialization.Revision;

/** The account holder accepted this version of the terms of use; the event's time says when. */
@Revision("1")
public record TermsAcceptedEvent(
        String accountId,
        String termsVersion
) {
}
