package fr.espacefamille.command.account;

import fr.espacefamille.command.dossier.DossierRefusals;
import fr.espacefamille.events.Audit;
import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.account.AcceptTermsCommand;
import fr.espacefamille.events.account.AccountIds;
import fr.espacefamille.events.account.LinkDossierCommand;
import fr.espacefamille.events.account.RegisterAccountCommand;
import fr.espacefamille.events.account.RequestActivationCommand;
import fr.espacefamille.events.dossier.LinkAccountCommand;
import fr.espacefamille.events.dossier.LinkedGuardian;
import fr.espacefamille.platform.axon.OneUnitOfWork;
import fr.espacefamille.platform.security.AttemptThrottle;
import fr.espacefamille.platform.security.SecurityProperties;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The town's sign-up, steps 2 to 7: a username and a password, the dossier of the town's
 * letter, the terms of use, then the activation e-mail (sent by the query side from the
 * event, with a link drawn there).
 */
@Service
class Registration {

    private static final Logger logger = LoggerFactory.getLogger(Registration.class);
    /** Wrong dossier pairs allowed per account and per address in a throttling window. */
    private static final int PAIR_ATTEMPTS = 10;

    private final CommandGateway commandGateway;
    private final Credentials credentials;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final StaffAccounts staffAccounts;
    private final AccountEmails accountEmails;
    private final AttemptThrottle throttle;
    private final int signUpsPerAddress;

    Registration(CommandGateway commandGateway, Credentials credentials, PasswordPolicy passwordPolicy,
                 PasswordEncoder passwordEncoder, StaffAccounts staffAccounts, AccountEmails accountEmails,
                 AttemptThrottle throttle, SecurityProperties securityProperties) {
        this.commandGateway = commandGateway;
        this.credentials = credentials;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.staffAccounts = staffAccounts;
        this.accountEmails = accountEmails;
        this.throttle = throttle;
        this.signUpsPerAddress = securityProperties.signUpsPerAddress();
    }

    /** Steps 2 and 3; returns the username as it will be shown. */
    String register(String typedUsername, String password, String typedEmail, String address) {
        String username = Inputs.username(typedUsername);
        String email = Inputs.email(typedEmail);
        passwordPolicy.check(password, username);
        refuseIfTooMany("sign-up-address:" + address, signUpsPerAddress);
        throttle.recordFailure("sign-up-address:" + address);
        if (staffAccounts.find(username).isPresent()) {
            throw AccountRefusals.usernameTaken();
        }

        String accountId = AccountIds.of(username);
        String hash = passwordEncoder.encode(password);
        send(new RegisterAccountCommand(accountId, username, email), username);
        credentials.save(accountId, hash);
        logger.info("Account [{}] registered", accountId);
        return username;
    }

    /** Steps 4 and 5: links the dossier of the town's letter; returns the guardian's name. */
    String linkDossier(String username, String typedNumber, String typedName, String address) {
        String dossierNumber = Inputs.required(typedNumber, "le numéro de dossier").strip();
        String dossierName = Inputs.required(typedName, "le nom du dossier");
        String accountId = AccountIds.of(username);
        refuseIfTooMany("dossier-pair-user:" + accountId, PAIR_ATTEMPTS);
        refuseIfTooMany("dossier-pair-address:" + address, PAIR_ATTEMPTS * 3);

        String email = accountEmails.of(accountId);
        try {
            return OneUnitOfWork.run(() -> link(accountId, username, email, dossierNumber, dossierName));
        } catch (AggregateNotFoundException e) {
            throw countedMismatch(accountId, address, DossierRefusals.pairMismatch());
        } catch (RefusedException e) {
            throw "DOSSIER_PAIR_MISMATCH".equals(e.code()) ? countedMismatch(accountId, address, e) : e;
        }
    }

    /**
     * The dossier and the account record the link together, or neither does. The dossier
     * decides first, being the authority on its guardians (which one the account stands for,
     * and that each has one account at most); the account then takes the dossier, or refuses it
     * (already active). Both commands run in one unit of work, whose events the store appends
     * at once: a refusal of the account drops the dossier's link before it is stored. A saga
     * that links the dossier and, on the account's refusal, unlinks it again would leave the
     * dossier counting a guardian as taken, and the account reaching it, in between.
     */
    private String link(String accountId, String username, String email, String dossierNumber,
                        String dossierName) {
        LinkedGuardian guardian = send(new LinkAccountCommand(dossierNumber, dossierName, username, email),
                                       username);
        send(new LinkDossierCommand(accountId, dossierNumber, guardian.displayName()), username);
        return guardian.displayName();
    }

    /** Steps 6 and 7: accepts the terms and sends the activation e-mail. */
    void validate(String username, String termsVersion, boolean termsAccepted) {
        if (!termsAccepted) {
            throw RefusedException.invalid("TERMS_NOT_ACCEPTED",
                    "Pour créer votre compte, cochez la case d'acceptation des conditions d'utilisation.");
        }
        String accountId = AccountIds.of(username);
        send(new AcceptTermsCommand(accountId, Inputs.required(termsVersion, "la version des conditions")),
             username);
        send(new RequestActivationCommand(accountId), username);
    }

    /** A new activation e-mail, for a registrant whose link was lost or expired. */
    void resendActivation(String username) {
        send(new RequestActivationCommand(AccountIds.of(username)), username);
    }

    String emailOf(String username) {
        return accountEmails.of(AccountIds.of(username));
    }

    private RefusedException countedMismatch(String accountId, String address, RefusedException refusal) {
        throttle.recordFailure("dossier-pair-user:" + accountId);
        throttle.recordFailure("dossier-pair-address:" + address);
        return refusal;
    }

    private void refuseIfTooMany(String key, int limit) {
        if (throttle.failures(key) >= limit) {
            throw RefusedException.tooManyRequests("TOO_MANY_ATTEMPTS",
                    "Trop de tentatives en peu de temps. Par sécurité, réessayez dans une demi-heure.");
        }
    }

    private <R> R send(Object command, String username) {
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                                  .andMetaData(MetaData.with(Audit.AUTHOR, "account:" + username)));
    }
}
