package fr.espacefamille.command.account;

import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.account.AcceptTermsCommand;
import fr.espacefamille.events.account.AccountActivatedEvent;
import fr.espacefamille.events.account.AccountGrant;
import fr.espacefamille.events.account.AccountRegisteredEvent;
import fr.espacefamille.events.account.ActivateAccountCommand;
import fr.espacefamille.events.account.ActivationRequestedEvent;
import fr.espacefamille.events.account.AuthorizeLoginCommand;
import fr.espacefamille.events.account.ChangeEmailCommand;
import fr.espacefamille.events.account.ChangePasswordCommand;
import fr.espacefamille.events.account.DossierLinkedEvent;
import fr.espacefamille.events.account.DossierUnlinkedEvent;
import fr.espacefamille.events.account.EmailChangedEvent;
import fr.espacefamille.events.account.LinkDossierCommand;
import fr.espacefamille.events.account.PasswordChangedEvent;
import fr.espacefamille.events.account.PasswordResetRequestedEvent;
import fr.espacefamille.events.account.RegisterAccountCommand;
import fr.espacefamille.events.account.RequestActivationCommand;
import fr.espacefamille.events.account.RequestPasswordResetCommand;
import fr.espacefamille.events.account.ResetPasswordCommand;
import fr.espacefamille.events.account.TermsAcceptedEvent;
import fr.espacefamille.events.account.UnlinkDossierCommand;
import fr.espacefamille.platform.axon.AxonMongoConfiguration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A parent's account, from the sign-up's first step to its activation, and its e-mail.
 *
 * <p>Identified by the username in lower case, so that two sign-ups of {@code Dupont} and
 * {@code dupont} meet on one aggregate and the event store's unique sequence numbers let only
 * one of them through, on any number of nodes. The password is not here: its hash is kept by
 * {@link Credentials}, outside the events.
 */
@Aggregate(cache = AxonMongoConfiguration.AGGREGATE_CACHE,
           snapshotTriggerDefinition = AxonMongoConfiguration.SNAPSHOT_TRIGGER)
class Account {

    /** How long an activation or reset link works. */
    static final Duration LINK_VALIDITY = Duration.ofHours(24);
    /** A new activation or reset e-mail is not sent sooner than this after the previous one. */
    static final Duration MAIL_INTERVAL = Duration.ofMinutes(1);

    @AggregateIdentifier
    private String accountId;
    private String username;
    private String email;
    private List<String> dossierNumbers = new ArrayList<>();
    private String termsVersion;
    private boolean active;
    private String activationRequestId;
    private Instant activationExpiresAt;
    private String resetRequestId;
    private Instant resetExpiresAt;

    Account() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterAccountCommand command) {
        if (accountId != null) {
            throw AccountRefusals.usernameTaken();
        }

        apply(new AccountRegisteredEvent(command.accountId(), command.username(), command.email()));
    }

    @CommandHandler
    void handle(LinkDossierCommand command) {
        refuseIfActive();

        if (dossierNumbers.contains(command.dossierNumber())) {
            return;
        }

        apply(new DossierLinkedEvent(accountId, command.dossierNumber(), command.guardianName()));
    }

    @CommandHandler
    void handle(UnlinkDossierCommand command) {
        if (!dossierNumbers.contains(command.dossierNumber())) {
            return;
        }

        apply(new DossierUnlinkedEvent(accountId, command.dossierNumber()));
    }

    @CommandHandler
    void handle(AcceptTermsCommand command, TermsOfUse terms) {
        if (!terms.version().equals(command.termsVersion())) {
            throw RefusedException.conflict("TERMS_VERSION_OUTDATED",
                    "Les conditions d'utilisation ont changé entre-temps : relisez-les puis acceptez-les à nouveau.");
        }

        if (terms.version().equals(termsVersion)) {
            return;
        }

        apply(new TermsAcceptedEvent(accountId, command.termsVersion()));
    }

    @CommandHandler
    void handle(RequestActivationCommand command, Clock clock) {
        refuseIfActive();
        if (dossierNumbers.isEmpty() || termsVersion == null) {
            throw RefusedException.conflict("REGISTRATION_INCOMPLETE",
                    "Il reste des étapes avant l'activation : le dossier famille et l'acceptation des "
                            + "conditions d'utilisation.");
        }
        if (isTooSoonAfter(activationExpiresAt, clock.instant())) {
            throw RefusedException.conflict("ACTIVATION_LINK_JUST_SENT",
                    "Un lien d'activation vient de vous être envoyé. Attendez une minute avant d'en demander "
                            + "un autre, et pensez à regarder dans les courriers indésirables.");
        }

        apply(new ActivationRequestedEvent(accountId, username, email, UUID.randomUUID().toString(),
                                           clock.instant().plus(LINK_VALIDITY)));
    }

    @CommandHandler
    AccountGrant handle(ActivateAccountCommand command, Clock clock) {
        if (active) {
            throw AccountRefusals.activationLinkUsed();
        }
        if (!command.requestId().equals(activationRequestId)) {
            throw RefusedException.conflict("ACTIVATION_LINK_REPLACED",
                    "Un lien plus récent vous a été envoyé : utilisez celui du dernier e-mail reçu.");
        }
        if (clock.instant().isAfter(activationExpiresAt)) {
            throw RefusedException.invalid("ACTIVATION_LINK_EXPIRED",
                    "Ce lien d'activation a expiré : il n'est valable que 24 heures. Demandez-en un nouveau.");
        }

        apply(new AccountActivatedEvent(accountId, username));
        return new AccountGrant(username, dossierNumbers);
    }

    @CommandHandler
    AccountGrant handle(AuthorizeLoginCommand command) {
        if (!active) {
            throw RefusedException.forbidden("ACCOUNT_NOT_ACTIVATED",
                    "Votre compte n'est pas encore activé : ouvrez le lien reçu par e-mail. S'il a expiré, "
                            + "vous pouvez en demander un nouveau.");
        }
        return new AccountGrant(username, dossierNumbers);
    }

    @CommandHandler
    void handle(RequestPasswordResetCommand command, Clock clock) {
        Instant now = clock.instant();
        if (!active || isTooSoonAfter(resetExpiresAt, now)) {
            return;
        }

        apply(new PasswordResetRequestedEvent(accountId, username, email, UUID.randomUUID().toString(),
                                              now.plus(LINK_VALIDITY)));
    }

    @CommandHandler
    void handle(ResetPasswordCommand command, Clock clock) {
        if (!command.requestId().equals(resetRequestId)) {
            throw RefusedException.conflict("RESET_LINK_USED",
                    "Ce lien a déjà servi ou a été remplacé par un plus récent. "
                            + "Demandez un nouveau lien si besoin.");
        }
        if (clock.instant().isAfter(resetExpiresAt)) {
            throw RefusedException.invalid("RESET_LINK_EXPIRED",
                    "Ce lien a expiré : il n'est valable que 24 heures. Demandez-en un nouveau.");
        }

        apply(new PasswordChangedEvent(accountId, username, email, true));
    }

    @CommandHandler
    void handle(ChangePasswordCommand command) {
        apply(new PasswordChangedEvent(accountId, username, email, false));
    }

    @CommandHandler
    void handle(ChangeEmailCommand command) {
        if (command.email().equals(email)) {
            return;
        }

        apply(new EmailChangedEvent(accountId, username, email, command.email()));
    }

    @EventSourcingHandler
    void on(AccountRegisteredEvent event) {
        accountId = event.accountId();
        username = event.username();
        email = event.email();
    }

    @EventSourcingHandler
    void on(DossierLinkedEvent event) {
        dossierNumbers.add(event.dossierNumber());
    }

    @EventSourcingHandler
    void on(DossierUnlinkedEvent event) {
        dossierNumbers.remove(event.dossierNumber());
    }

    @EventSourcingHandler
    void on(TermsAcceptedEvent event) {
        termsVersion = event.termsVersion();
    }

    @EventSourcingHandler
    void on(ActivationRequestedEvent event) {
        activationRequestId = event.requestId();
        activationExpiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(AccountActivatedEvent event) {
        active = true;
        activationRequestId = null;
    }

    @EventSourcingHandler
    void on(PasswordResetRequestedEvent event) {
        resetRequestId = event.requestId();
        resetExpiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(PasswordChangedEvent event) {
        resetRequestId = null;
    }

    @EventSourcingHandler
    void on(EmailChangedEvent event) {
        email = event.email();
    }

    String email() {
        return email;
    }

    private void refuseIfActive() {
        if (active) {
            throw RefusedException.conflict("ACCOUNT_ALREADY_ACTIVE",
                    "Ce compte est déjà activé : connectez-vous avec votre identifiant et votre mot de passe.");
        }
    }

    /** Whether the link that expires then was sent less than a minute ago. */
    private static boolean isTooSoonAfter(Instant linkExpiresAt, Instant now) {
        return linkExpiresAt != null && now.isBefore(linkExpiresAt.minus(LINK_VALIDITY).plus(MAIL_INTERVAL));
    }
}
