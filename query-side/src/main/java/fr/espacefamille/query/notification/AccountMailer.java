package fr.espacefamille.query.notification;

import fr.espacefamille.events.account.ActivationRequestedEvent;
import fr.espacefamille.events.account.EmailChangedEvent;
import fr.espacefamille.events.account.PasswordChangedEvent;
import fr.espacefamille.events.account.PasswordResetRequestedEvent;
import fr.espacefamille.platform.security.OneTimeTokens;
import fr.espacefamille.platform.security.OneTimeTokens.Grant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
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
 * the page; the page sends it in a request body. Never replayed; an e-mail sent again after a
 * failure carries a new secret for the same request, and whichever is used first closes it.
 */
@Component
@ProcessingGroup(AccountMailer.GROUP)
@DisallowReplay
class AccountMailer {

    static final String GROUP = "account-mails";
    private static final Logger logger = LoggerFactory.getLogger(AccountMailer.class);
    private static final DateTimeFormatter FRENCH_TIME =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH).withZone(TOWN_ZONE);

    private final JavaMailSender mailSender;
    private final MailProperties properties;
    private final OneTimeTokens tokens;

    AccountMailer(JavaMailSender mailSender, MailProperties properties, OneTimeTokens tokens) {
        this.mailSender = mailSender;
        this.properties = properties;
        this.tokens = tokens;
    }

    @EventHandler
    void on(ActivationRequestedEvent event) {
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
    void on(PasswordResetRequestedEvent event) {
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
    void on(PasswordChangedEvent event) {
        send(event.email(), "Votre mot de passe a été changé", """
                Bonjour,

                Le mot de passe du compte « %s » de l'Espace Famille de %s vient d'être changé%s.

                Si ce n'est pas vous, demandez tout de suite un nouveau mot de passe depuis la page \
                de connexion (« Mot de passe oublié ») et prévenez le service famille.
                """.formatted(event.username(), properties.townName(),
                              event.reset() ? " par le lien envoyé par e-mail" : ""));
    }

    @EventHandler
    void on(EmailChangedEvent event) {
        String text = """
                Bonjour,

                L'adresse e-mail du compte « %s » de l'Espace Famille de %s est désormais %s.

                Si ce n'est pas vous, prévenez tout de suite le service famille.
                """.formatted(event.username(), properties.townName(), event.email());
        send(event.previousEmail(), "Votre adresse e-mail a été changée", text);
        send(event.email(), "Votre adresse e-mail a été changée", text);
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
