package fr.espacefamille.command.account;

import fr.espacefamille.events.Audit;
import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.account.AccountGrant;
import fr.espacefamille.events.account.AccountIds;
import fr.espacefamille.events.account.ActivateAccountCommand;
import fr.espacefamille.events.account.RequestActivationCommand;
import fr.espacefamille.events.account.RequestPasswordResetCommand;
import fr.espacefamille.events.account.ResetPasswordCommand;
import fr.espacefamille.events.dossier.RecordGuardianEmailCommand;
import fr.espacefamille.platform.axon.OneUnitOfWork;
import fr.espacefamille.platform.security.AttemptThrottle;
import fr.espacefamille.platform.security.OneTimeTokens;
import fr.espacefamille.platform.security.OneTimeTokens.Grant;
import fr.espacefamille.platform.security.SessionStore;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * What the links sent by e-mail do: activate an account, send a new activation link, send a
 * password reset link, set a new password. The account decides whether a link still works; a
 * used link stays known, so that it says it was used rather than that it is unknown.
 */
@Service
class AccountLinks {

    private static final Logger logger = LoggerFactory.getLogger(AccountLinks.class);
    private static final int RESET_REQUESTS = 10;

    private final OneTimeTokens tokens;
    private final CommandGateway commandGateway;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final Credentials credentials;
    private final SessionStore sessions;
    private final AttemptThrottle throttle;
    private final AccountEmails accountEmails;

    AccountLinks(OneTimeTokens tokens, CommandGateway commandGateway, PasswordPolicy passwordPolicy,
                 PasswordEncoder passwordEncoder, Credentials credentials, SessionStore sessions,
                 AttemptThrottle throttle, AccountEmails accountEmails) {
        this.tokens = tokens;
        this.commandGateway = commandGateway;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.credentials = credentials;
        this.sessions = sessions;
        this.throttle = throttle;
        this.accountEmails = accountEmails;
    }

    /**
     * Activates the account and records, in each of its dossiers, the e-mail address its parent
     * gave for a guardian the town knew no address for: the link just opened proves it works.
     * Both, or neither. The sign-up sessions end: from now on, the parent logs in.
     */
    void activate(String token) {
        Grant grant = grant(OneTimeTokens.ACTIVATION, token);
        OneUnitOfWork.run(() -> {
            AccountGrant activated = send(new ActivateAccountCommand(grant.accountId(), grant.requestId()),
                                          grant.accountId());
            String email = accountEmails.of(grant.accountId());
            activated.dossierNumbers().forEach(dossierNumber -> send(
                    new RecordGuardianEmailCommand(dossierNumber, activated.username(), email), grant.accountId()));
            return activated;
        });
        sessions.closeAll(grant.accountId());
        logger.info("Account [{}] activated", grant.accountId());
    }

    /** A new activation link, from the expired one. */
    void renewActivation(String expiredToken) {
        Grant grant = grant(OneTimeTokens.ACTIVATION, expiredToken);
        send(new RequestActivationCommand(grant.accountId()), grant.accountId());
    }

    /** Sends a reset link if the account exists and is active; says nothing either way. */
    void requestReset(String username, String address) {
        String key = "reset-address:" + address;
        if (throttle.failures(key) >= RESET_REQUESTS) {
            return;
        }
        throttle.recordFailure(key);
        try {
            send(new RequestPasswordResetCommand(AccountIds.of(username)), AccountIds.of(username));
        } catch (AggregateNotFoundException e) {
            logger.debug("Password reset asked for an unknown username");
        }
    }

    void resetPassword(String token, String password) {
        Grant grant = grant(OneTimeTokens.PASSWORD_RESET, token);
        passwordPolicy.check(password, grant.accountId());
        String hash = passwordEncoder.encode(password);

        send(new ResetPasswordCommand(grant.accountId(), grant.requestId()), grant.accountId());
        credentials.save(grant.accountId(), hash);
        sessions.closeAll(grant.accountId());
        throttle.reset("login-user:" + grant.accountId());
        logger.info("Password of account [{}] reset by e-mail link", grant.accountId());
    }

    private Grant grant(String purpose, String token) {
        return tokens.find(purpose, token).orElseThrow(() -> RefusedException.invalid("LINK_INVALID",
                "Ce lien n'est pas valide. Vérifiez que vous avez ouvert le lien complet du dernier e-mail reçu."));
    }

    private <R> R send(Object command, String accountId) {
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                                  .andMetaData(MetaData.with(Audit.AUTHOR, "account:" + accountId)));
    }
}
