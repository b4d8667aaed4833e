package fr.espacefamille.launcher;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Shows the e-mails caught by the embedded SMTP server, newest first, for developers: a list at
 * {@code /dev/mails} and each message as an {@code .eml} file. Absent when a real SMTP server is
 * configured.
 */
@RestController
class DevMailController {

    private final ObjectProvider<EmbeddedMail> mail;

    DevMailController(ObjectProvider<EmbeddedMail> mail) {
        this.mail = mail;
    }

    @GetMapping(value = "/dev/mails", produces = MediaType.TEXT_HTML_VALUE)
    String list() throws MessagingException {
        List<MimeMessage> messages = inbox().received();
        StringBuilder rows = new StringBuilder();
        for (int i = messages.size() - 1; i >= 0; i--) {
            MimeMessage message = messages.get(i);
            rows.append("<tr><td>").append(escape(String.valueOf(message.getSentDate())))
                .append("</td><td>").append(escape(String.join(", ", recipients(message))))
                .append("</td><td><a href=\"/dev/mails/").append(i).append(".eml\">")
                .append(escape(message.getSubject())).append("</a></td></tr>\n");
        }
        return """
                <!doctype html><html lang="fr"><head><meta charset="utf-8">
                <title>Courriels envoyés</title><link rel="stylesheet" href="/app.css"></head>
                <body><main><h1>Courriels envoyés (%d)</h1>
                <p>Serveur SMTP intégré : les messages ne partent pas, ils sont gardés ici.</p>
                <table><thead><tr><th>Date</th><th>À</th><th>Objet</th></tr></thead>
                <tbody>%s</tbody></table></main></body></html>
                """.formatted(messages.size(), rows);
    }

    @GetMapping("/dev/mails/{index}.eml")
    ResponseEntity<byte[]> message(@PathVariable int index) throws MessagingException, IOException {
        List<MimeMessage> messages = inbox().received();
        if (index < 0 || index >= messages.size()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        messages.get(index).writeTo(raw);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("message/rfc822")).body(raw.toByteArray());
    }

    private EmbeddedMail inbox() {
        EmbeddedMail inbox = mail.getIfAvailable();
        if (inbox == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return inbox;
    }

    private static List<String> recipients(MimeMessage message) throws MessagingException {
        return message.getAllRecipients() == null ? List.of()
                : java.util.Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }
}
