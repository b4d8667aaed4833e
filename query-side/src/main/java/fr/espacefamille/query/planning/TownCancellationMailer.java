package fr.espacefamille.query.planning;

import fr.espacefamille.events.calendar.PlanningSetup;
import fr.espacefamille.events.planning.BasketDay;
import fr.espacefamille.events.planning.BookingsCancelledByTownEvent;
import fr.espacefamille.events.planning.TownCancellation;
import fr.espacefamille.platform.axon.SideEffectLog;
import fr.espacefamille.query.notification.MailProperties;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Tells a family, in French, which booked days the town cancelled (a closed day, a child or an
 * enrolment an import removed) and what came back as credit: one e-mail per family and event,
 * to every guardian with an address.
 *
 * <p>A side effect, in the group of the confirmation e-mails: it never replays, starts from the
 * moment it was first deployed, and sends each e-mail once ({@link SideEffectLog}). A dossier or
 * a setup not yet in the planning views makes it wait, as the confirmation does.
 */
@Component
@ProcessingGroup(ConfirmationMailer.GROUP)
@DisallowReplay
class TownCancellationMailer {

    private static final Logger logger = LoggerFactory.getLogger(TownCancellationMailer.class);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.FRENCH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d", Locale.FRENCH);
    private static final DateTimeFormatter ONE_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.FRENCH);

    private final JavaMailSender mailSender;
    private final MailProperties properties;
    private final FamilyDirectory directory;
    private final PlanningSetupProjection setups;
    private final SideEffectLog sent;

    TownCancellationMailer(JavaMailSender mailSender, MailProperties properties, FamilyDirectory directory,
                           PlanningSetupProjection setups, SideEffectLog sent) {
        this.mailSender = mailSender;
        this.properties = properties;
        this.directory = directory;
        this.setups = setups;
        this.sent = sent;
    }

    @EventHandler
    void on(BookingsCancelledByTownEvent event, @MessageIdentifier String eventId) {
        sent.once("town-cancellation/" + eventId, () -> send(event));
    }

    private void send(BookingsCancelledByTownEvent event) {
        FamilyDirectory.Family family = directory.familyOrBehind(event.dossierNumber());
        PlanningSetup setup = setups.setupOrBehind();
        if (family.guardianEmails().isEmpty()) {
            logger.warn("No e-mail address in dossier [{}] for the bookings the town cancelled", event.dossierNumber());
            return;
        }

        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(family.guardianEmails().toArray(String[]::new));
        message.setSubject("Réservations annulées par la mairie – dossier famille n° " + event.dossierNumber());
        message.setText(text(event, family, setup));
        mailSender.send(message);
        logger.debug("Town cancellation e-mail sent for dossier [{}]", event.dossierNumber());
    }

    String text(BookingsCancelledByTownEvent event, FamilyDirectory.Family family, PlanningSetup setup) {
        Map<String, String> firstNames = firstNames(event, family);
        StringBuilder body = new StringBuilder("Bonjour,\n\n");
        body.append("La mairie a annulé des réservations du dossier famille n° ").append(event.dossierNumber())
            .append(" (").append(family.dossierName()).append(") :\n");
        for (TownCancellation cancellation : event.cancellations()) {
            String label = setup.service(cancellation.service()).map(service -> service.label())
                    .orElse(cancellation.service());
            body.append("\n").append(firstNames.getOrDefault(cancellation.childId(), cancellation.childId()))
                .append(" – ").append(label).append(" : ");
            List<LocalDate> days = cancellation.days().stream().map(BasketDay::day).sorted().toList();
            if (days.size() == 1) {
                body.append(ONE_DAY.format(days.get(0))).append(" (").append(cancellation.reason()).append(")\n");
                continue;
            }
            body.append(days.size()).append(" jours (").append(cancellation.reason()).append(")\n");
            byMonth(days).forEach((month, inMonth) -> body.append("  ").append(MONTH.format(month)).append(" : ")
                    .append(inMonth.stream().map(DAY::format).collect(Collectors.joining(", "))).append("\n"));
        }
        body.append("\n");
        if (event.creditAddedCents() > 0) {
            body.append("Avoir ajouté à votre compte famille : ").append(euros(event.creditAddedCents()))
                .append("\n");
        }
        body.append("Avoir disponible : ").append(euros(event.creditBalanceCents())).append("\n\n");
        return body.append("""
                L'avoir est utilisé pour votre prochain paiement sur l'Espace Famille : %s

                Ce message est envoyé automatiquement, merci de ne pas y répondre.
                Le service famille de %s
                """.formatted(properties.portalUrl(), properties.townName())).toString();
    }

    /** The children's first names, those the dossier no longer lists too. */
    private Map<String, String> firstNames(BookingsCancelledByTownEvent event, FamilyDirectory.Family family) {
        Map<String, String> names = new HashMap<>();
        List<String> childIds = event.cancellations().stream().map(TownCancellation::childId).distinct().toList();
        for (Map.Entry<String, Document> child : directory.children(childIds).entrySet()) {
            names.put(child.getKey(), child.getValue().getString("firstName"));
        }
        family.children().forEach(child -> names.put(child.childId(), child.firstName()));
        return names;
    }

    private static Map<YearMonth, List<LocalDate>> byMonth(List<LocalDate> days) {
        return days.stream().collect(Collectors.groupingBy(YearMonth::from, TreeMap::new, Collectors.toList()));
    }

    private static String euros(long cents) {
        return String.format(Locale.FRANCE, "%,.2f €", cents / 100.0);
    }
}
