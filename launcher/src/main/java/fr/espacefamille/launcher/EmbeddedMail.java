package fr.espacefamille.launcher;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;

import java.util.List;

/** The embedded SMTP server's inbox: every message the portal sent, whatever its recipient. */
public record EmbeddedMail(GreenMail server) {

    public List<MimeMessage> received() {
        return List.of(server.getReceivedMessages());
    }
}
