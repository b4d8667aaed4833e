package fr.espacefamille.launcher.portal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Arrays;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The mailbox the portal's tests read holds no e-mail they did not ask for. */
class PortalMailboxTest extends PortalTest {

    private static final String WELCOME_MAILS = "notifications";

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    EventStore eventStore;

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

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
