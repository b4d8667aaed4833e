package fr.espacefamille.query.notification;

import fr.espacefamille.events.account.ActivationRequestedEvent;
import fr.espacefamille.events.account.EmailChangedEvent;
import fr.espacefamille.events.account.PasswordChangedEvent;
import fr.espacefamille.events.account.PasswordResetRequestedEvent;
import fr.espacefamille.platform.axon.SideEffectLog;
import fr.espacefamille.platform.security.OneTimeTokens;
import fr.espacefamille.platform.security.OneTimeTokens.Grant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static fr.espacefamille.platform.axon.AxonMongoConfiguration.TOWN_ZONE;

/**
 * The account's e-mails: the activation link, the password reset link, and the notices of a
 * changed password or e-mail address.
 *
 * <p>A link's secret is drawn here, when the e-mail is written, and only its hash is stored
 * ({@link OneTimeTokens}): the secret is in no event, no read model and no log. The secret
 * is put after {@code #} in the link, so that the browser sends it to no server when it opens
 * the page; the page sends it in a request body. Never replayed, and each e-mail is sent once
 * per event and recipient ({@link SideEffectLog}); should the process die between sending and
 * recording it, the e-mail sent again carries a new secret for the same request, and whichever
 * is used first closes it.
 */
@Component
@ProcessingGroup(AccountMailer.GROUP)
@DisallowReplay
class AccountMailer {

    static final String GROUP = "account-mails";
    private static final Logger logger = LoggerFactory.getLogger(AccountMailer.class);
    private static final DateTimeFormatter FRENCH_TIME =
            DateTimeFormatter.ofPattern("EEEE d MMMM uuuu 'à' HH'h'mm", Locale.FRENCH).withZone(TOWN_ZONE);

    private final JavaMailSender mailSender;
    private final MailProperties properties;
    private final OneTimeTokens tokens;
    private final SideEffectLog sent;

    AccountMailer(JavaMailSender mailSender, MailProperties properties, OneTimeTokens tokens, SideEffectLog sent) {
        this.mailSender = mailSender;
        this.properties = properties;
        this.tokens = tokens;
        this.sent = sent;
    }

    @EventHandler
    void on(ActivationRequestedEvent event, @MessageIdentifier String eventId) {
        sent.once("account/" + eventId + "/" + event.email(), () -> sendActivation(event));
    }

    private void sendActivation(ActivationRequestedEvent event) {
        String token = tokens.issue(new Grant(OneTimeTokens.ACTIVATION, event.accountId(), event.requestId(),
                                              event.expiresAt()));
        send(event.email(), "Activez votre compte Espace Famille", """
                Bonjour,

                Vous venez de créer le compte « %s » sur l'Espace Famille de %s.
                Pour l'activer, ouvrez ce lien :

                %sactivation.html#jeton=%s

                Ce lien ne fonctionne qu'une fois, jusqu'au %s.
                Passé ce délai, la page vous proposera d'en recevoir un nouveau.

                Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : \
                le compte ne sera pas activé.
                """.formatted(event.username(), properties.townName(), properties.portalUrl(), token,
                              FRENCH_TIME.format(event.expiresAt())));
        logger.debug("Activation e-mail sent for account [{}]", event.accountId());
    }

    @EventHandler
    void on(PasswordResetRequestedEvent event, @MessageIdentifier String eventId) {
        sent.once("account/" + eventId + "/" + event.email(), () -> sendPasswordReset(event));
    }

    private void sendPasswordReset(PasswordResetRequestedEvent event) {
        String token = tokens.issue(new Grant(OneTimeTokens.PASSWORD_RESET, event.accountId(), event.requestId(),
                                              event.expiresAt()));
        send(event.email(), "Choisir un nouveau mot de passe", """
                Bonjour,

                Une demande de nouveau mot de passe a été faite pour le compte « %s » \
                de l'Espace Famille de %s. Pour choisir un nouveau mot de passe, ouvrez ce lien :

                %sreinitialisation.html#jeton=%s

                Ce lien ne fonctionne qu'une fois, jusqu'au %s.

                Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.
                """.formatted(event.username(), properties.townName(), properties.portalUrl(), token,
                              FRENCH_TIME.format(event.expiresAt())));
        logger.debug("Password reset e-mail sent for account [{}]", event.accountId());
    }

    @EventHandler
    void on(PasswordChangedEvent event, @MessageIdentifier String eventId) {
        send(eventId, event.email(), "Votre mot de passe a été changé", """
                Bonjour,

                Le mot de passe du compte « %s » de l'Espace Famille de %s vient d'être changé%s.

                Si ce n'est pas vous, demandez tout de suite un nouveau mot de passe depuis la page \
                de connexion (« Mot de passe oublié ») et prévenez le service famille.
                """.formatted(event.username(), properties.townName(),
                              event.reset() ? " par le lien envoyé par e-mail" : ""));
    }

    @EventHandler
    void on(EmailChangedEvent event, @MessageIdentifier String eventId) {
        String text = """
                Bonjour,

                L'adresse e-mail du compte « %s » de l'Espace Famille de %s est désormais %s.

                Si ce n'est pas vous, prévenez tout de suite le service famille.
                """.formatted(event.username(), properties.townName(), event.email());
        send(eventId, event.previousEmail(), "Votre adresse e-mail a été changée", text);
        send(eventId, event.email(), "Votre adresse e-mail a été changée", text);
    }

    /** Sends the notice once per event and recipient, whatever the redeliveries. */
    private void send(String eventId, String to, String subject, String body) {
        sent.once("account/" + eventId + "/" + to, () -> send(to, subject, body));
    }

    private void send(String to, String subject, String body) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body + """

                Ce message est envoyé automatiquement, merci de ne pas y répondre.
                Le service famille de %s
                """.formatted(properties.townName()));
        mailSender.send(message);
    }
}
