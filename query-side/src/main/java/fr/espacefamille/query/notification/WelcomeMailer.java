package fr.espacefamille.query.notification;

import fr.espacefamille.events.dossier.DossierRegisteredEvent;
import fr.espacefamille.events.dossier.Guardian;
import fr.espacefamille.platform.axon.SideEffectLog;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Tells each guardian with an e-mail address that the family's dossier is now on the portal.
 *
 * <p>A side effect, not a projection: its processing group never replays, so rebuilding read
 * models sends nothing, and it handles one event at a time. An event delivered again finds its
 * e-mails in the {@link SideEffectLog} and sends none twice; a failure of the mail server parks
 * the event in the dead-letter queue, from which the console retries it.
 */
@Component
@ProcessingGroup(WelcomeMailer.GROUP)
@DisallowReplay
@EnableConfigurationProperties(MailProperties.class)
class WelcomeMailer {

    static final String GROUP = "notifications";
    private static final Logger logger = LoggerFactory.getLogger(WelcomeMailer.class);

    private final JavaMailSender mailSender;
    private final MailProperties properties;
    private final SideEffectLog sent;

    WelcomeMailer(JavaMailSender mailSender, MailProperties properties, SideEffectLog sent) {
        this.mailSender = mailSender;
        this.properties = properties;
        this.sent = sent;
    }

    @EventHandler
    void on(DossierRegisteredEvent event, @MessageIdentifier String eventId) {
        if (!properties.welcomeOnRegistration()) {
            return;
        }
        for (Guardian guardian : event.details().guardians()) {
            if (guardian.email() != null && !guardian.email().isBlank()) {
                sent.once("welcome/" + eventId + "/" + guardian.email(),
                          () -> mailSender.send(welcome(event, guardian)));
                logger.debug("Welcome e-mail sent for dossier [{}]", event.dossierNumber());
            }
        }
    }

    private SimpleMailMessage welcome(DossierRegisteredEvent event, Guardian guardian) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(guardian.email());
        message.setSubject("Votre dossier famille n° " + event.dossierNumber() + " est sur l'Espace Famille");
        message.setText("""
                Bonjour %s %s,

                Le dossier famille n° %s (%s) est désormais enregistré sur l'Espace Famille \
                de %s.

                Pour créer votre compte, munissez-vous du courrier de la mairie : il indique \
                le numéro et le nom du dossier qui vous seront demandés.

                Espace Famille : %s

                Ce message est envoyé automatiquement, merci de ne pas y répondre.
                Le service famille de %s
                """.formatted(nullToEmpty(guardian.firstName()), nullToEmpty(guardian.lastName()),
                              event.dossierNumber(), event.details().dossierName(), properties.townName(),
                              properties.portalUrl(), properties.townName()));
        return message;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
