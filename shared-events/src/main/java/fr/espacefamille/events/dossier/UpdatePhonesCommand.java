package fr.espacefamille.events.dossier;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A parent changes his or her own phone numbers in the dossier: the guardian the account
 * stands for. Numbers are in E.164 ({@code +33612345678}), {@code null} to remove one.
 * Refused with {@code ACCOUNT_NOT_LINKED} for an account that stands for no guardian here.
 */
public record UpdatePhonesCommand(
        @TargetAggregateIdentifier String dossierNumber,
        String username,
        String mobilePhone,
        String homePhone
) {
}
