package fr.espacefamille.launcher;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Shows the e-mails caught by the embedded SMTP server, newest first, for developers: a list at
 * {@code /dev/mails} and each message as an {@code .eml} file whose address does not change as
 * more mail arrives. Absent when a real SMTP server is configured.
 */
@RestController
class DevMailController {

    private static final DateTimeFormatter FRENCH_MOMENT = DateTimeFormatter
            .ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(Locale.FRENCH).withZone(ZoneId.of("Europe/Paris"));

    private final ObjectProvider<EmbeddedMail> mail;

    DevMailController(ObjectProvider<EmbeddedMail> mail) {
        this.mail = mail;
    }

    @GetMapping(value = "/dev/mails", produces = MediaType.TEXT_HTML_VALUE)
    String list() throws MessagingException {
        List<MimeMessage> messages = newestFirst();
        StringBuilder rows = new StringBuilder();
        for (MimeMessage message : messages) {
            rows.append("<tr><td>").append(escape(sentAt(message)))
                .append("</td><td>").append(escape(String.join(", ", recipients(message))))
                .append("</td><td><a href=\"/dev/mails/").append(keyOf(message)).append(".eml\">")
                .append(escape(message.getSubject())).append("</a></td></tr>\n");
        }
        return """
                <!doctype html><html lang="fr"><head><meta charset="utf-8">
                <title>Courriels envoyés</title><link rel="stylesheet" href="/app.css"></head>
                <body><main class="container"><h1>Courriels envoyés (%d)</h1>
                <p>Serveur SMTP intégré : les messages ne partent pas, ils sont gardés ici jusqu'à
                l'arrêt du portail.</p>
                <div class="table-wrap"><table><thead><tr><th>Date</th><th>À</th><th>Objet</th></tr></thead>
                <tbody>%s</tbody></table></div></main></body></html>
                """.formatted(messages.size(), rows);
    }

    @GetMapping("/dev/mails/{key}.eml")
    ResponseEntity<byte[]> message(@PathVariable String key) throws MessagingException, IOException {
        for (MimeMessage message : inbox().received()) {
            if (keyOf(message).equals(key)) {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                message.writeTo(raw);
                return ResponseEntity.ok().contentType(MediaType.parseMediaType("message/rfc822"))
                                     .body(raw.toByteArray());
            }
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private List<MimeMessage> newestFirst() {
        return inbox().received().stream()
                .sorted(Comparator.comparing(DevMailController::sentDate, Comparator.reverseOrder()))
                .toList();
    }

    private EmbeddedMail inbox() {
        EmbeddedMail inbox = mail.getIfAvailable();
        if (inbox == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return inbox;
    }

    /** A stable name for a message: a digest of its Message-ID and recipients. */
    private static String keyOf(MimeMessage message) throws MessagingException {
        String identity = message.getMessageID() + "|" + String.join(",", recipients(message));
        return DigestUtils.md5DigestAsHex(identity.getBytes(StandardCharsets.UTF_8));
    }

    private static Date sentDate(MimeMessage message) {
        try {
            return Objects.requireNonNullElse(message.getSentDate(), new Date(0));
        } catch (MessagingException e) {
            return new Date(0);
        }
    }

    private static String sentAt(MimeMessage message) {
        return FRENCH_MOMENT.format(sentDate(message).toInstant());
    }

    private static List<String> recipients(MimeMessage message) throws MessagingException {
        return message.getAllRecipients() == null ? List.of()
                : Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }
}
