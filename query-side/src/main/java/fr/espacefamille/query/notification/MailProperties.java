package fr.espacefamille.query.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the portal's e-mails say about the town ({@code espace-famille.mail.*}).
 *
 * @param from          the sender, e.g. {@code Espace Famille de Saint-Just <ne-pas-repondre@saint-just.fr>}
 * @param townName      the town's name as parents know it
 * @param portalUrl     the portal's public address, written in the e-mails
 * @param welcomeOnRegistration whether guardians get an e-mail when their dossier is first imported;
 *                              off unless set, so that a first import of a real export e-mails
 *                              no family by surprise (the embedded demo turns it on)
 * @param bookingConfirmations  whether parents get an e-mail when a basket is confirmed
 */
@ConfigurationProperties("espace-famille.mail")
public record MailProperties(
        String from,
        String townName,
        String portalUrl,
        Boolean welcomeOnRegistration,
        Boolean bookingConfirmations
) {

    public MailProperties {
        from = from == null ? "Espace Famille <ne-pas-repondre@espace-famille.localhost>" : from;
        townName = townName == null ? "Saint-Just" : townName;
        portalUrl = portalUrl == null ? "http://localhost:8080/" : portalUrl;
        welcomeOnRegistration = welcomeOnRegistration != null && welcomeOnRegistration;
        bookingConfirmations = bookingConfirmations == null || bookingConfirmations;
    }
}
