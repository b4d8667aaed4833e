package fr.espacefamille.launcher.portal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The mailbox the portal's tests read: the links they follow, and no e-mail they did not ask for. */
class PortalMailboxTest extends PortalTest {

    private static final String WELCOME_MAILS = "notifications";

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    EventStore eventStore;

    @Autowired
    JavaMailSender mailSender;

    @Test
    void theImportedDossiersWelcomeNobodyWhileTheTestsRun() {
        TrackingEventProcessor welcomes = processing.eventProcessor(WELCOME_MAILS, TrackingEventProcessor.class)
                .orElseThrow();

        long head = eventStore.createHeadToken().position().orElseThrow();

        eventually(() -> welcomes.processingStatus().values().stream()
                .allMatch(status -> status.getCurrentPosition().orElse(0) >= head)
                ? Optional.of(true) : Optional.empty(), "the welcome e-mails to have seen the import");

        assertThat(Arrays.stream(MAIL.getReceivedMessages()).map(PortalMailboxTest::subject))
                .noneMatch(subject -> subject.startsWith("Votre dossier famille"));
    }

    @Test
    void anActivationLinkIsFollowedThoughAnotherMailCameAfterIt() {
        signUpUntilActivationMail("aurelie.dupont", "aurelie.dupont@example.org", "2021-00988", "Dupont");
        eventually(() -> mailTo("aurelie.dupont@example.org", "activation.html#jeton="), "the activation mail");

        SimpleMailMessage later = new SimpleMailMessage();
        later.setFrom("mairie@example.org");
        later.setTo("aurelie.dupont@example.org");
        later.setSubject("Fête de l'école");
        later.setText("La fête de l'école aura lieu samedi.");
        mailSender.send(later);

        browser().post("/api/accounts/activation",
                       Map.of("token", linkTokenSentTo("aurelie.dupont@example.org", "activation")))
                .expectStatus().isOk();
        loggedIn("aurelie.dupont", PASSWORD);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
