package fr.espacefamille.query.planning;

import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.account.AccountContact;
import fr.espacefamille.events.account.FindAccountContactQuery;
import fr.espacefamille.events.calendar.PlanningSetup;
import fr.espacefamille.events.dossier.Child;
import fr.espacefamille.events.planning.BasketConfirmedEvent;
import fr.espacefamille.events.planning.BasketDay;
import fr.espacefamille.events.planning.BasketLine;
import fr.espacefamille.events.planning.ChangeKind;
import fr.espacefamille.platform.axon.ReadModelBehindException;
import fr.espacefamille.platform.axon.SideEffectLog;
import fr.espacefamille.query.notification.MailProperties;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * Tells the parent whose basket was confirmed which days are now booked or cancelled, and what
 * was paid, in French.
 *
 * <p>A side effect, not a projection: its processing group never replays, handles one event
 * at a time from the moment it was first deployed, and sends each e-mail once
 * ({@link SideEffectLog}); a mail server failure parks the event in the dead-letter queue.
 *
 * <p>The recipient is the paying parent's account, by its address and name. Accounts are never
 * deleted, so an account, a dossier or a setup this side does not know yet only means that its
 * view is behind (or being rebuilt by a replay): the mail is not sent to someone else on a guess,
 * the event waits and is handled again a little later ({@link ReadModelBehindException}).
 */
@Component
@ProcessingGroup(ConfirmationMailer.GROUP)
@DisallowReplay
class ConfirmationMailer {

    static final String GROUP = "planning-mails";
    private static final Logger logger = LoggerFactory.getLogger(ConfirmationMailer.class);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.FRENCH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d", Locale.FRENCH);

    private final JavaMailSender mailSender;
    private final MailProperties properties;
    private final QueryGateway queryGateway;
    private final FamilyDirectory directory;
    private final PlanningSetupProjection setups;
    private final SideEffectLog sent;

    ConfirmationMailer(JavaMailSender mailSender, MailProperties properties, QueryGateway queryGateway,
                       FamilyDirectory directory, PlanningSetupProjection setups, SideEffectLog sent) {
        this.mailSender = mailSender;
        this.properties = properties;
        this.queryGateway = queryGateway;
        this.directory = directory;
        this.setups = setups;
        this.sent = sent;
    }

    @EventHandler
    void on(BasketConfirmedEvent event, @MessageIdentifier String eventId) {
        if (!properties.bookingConfirmations()) {
            return;
        }
        sent.once("booking/" + eventId, () -> send(event));
    }

    private void send(BasketConfirmedEvent event) {
        FamilyDirectory.Family family = directory.familyAsOf(event.dossierNumber(), childrenOf(event));
        PlanningSetup setup = setups.setupOrBehind();
        Recipient recipient = recipientOf(event.account());
        if (recipient.emails().isEmpty()) {
            logger.warn("No e-mail address for the confirmation of basket [{}]", event.basketId());
            return;
        }

        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(recipient.emails().toArray(String[]::new));
        message.setSubject("Réservations confirmées – dossier famille n° " + event.dossierNumber());
        message.setText(text(event, family, recipient.greeting(), setup));
        mailSender.send(message);
        logger.debug("Confirmation e-mail sent for basket [{}]", event.basketId());
    }

    private record Recipient(List<String> emails, String greeting) {
    }

    private Recipient recipientOf(String account) {
        try {
            AccountContact contact = queryGateway.query(new FindAccountContactQuery(account),
                                                        AccountContact.class).join();
            return new Recipient(List.of(contact.email()), contact.displayName());
        } catch (CompletionException e) {
            if (isUnknownAccount(e.getCause())) {
                throw new ReadModelBehindException("Account [" + account + "] is not yet in the accounts view");
            }
            throw e;
        }
    }

    private static List<String> childrenOf(BasketConfirmedEvent event) {
        return event.lines().stream().map(BasketLine::childId).distinct().toList();
    }

    private static boolean isUnknownAccount(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NoHandlerForQueryException
                    || cause instanceof RefusedException refused && refused.kind() == RefusedException.Kind.NOT_FOUND) {
                return true;
            }
        }
        return false;
    }

    String text(BasketConfirmedEvent event, FamilyDirectory.Family family, String greeting, PlanningSetup setup) {
        Map<String, String> firstNames = family.children().stream()
                .collect(Collectors.toMap(Child::childId, Child::firstName));
        StringBuilder body = new StringBuilder();
        body.append(greeting == null ? "Bonjour,\n\n" : "Bonjour " + greeting + ",\n\n");
        body.append("Vos changements pour le dossier famille n° ").append(event.dossierNumber()).append(" (")
            .append(family.dossierName()).append(") sont confirmés.\n");
        for (BasketLine line : event.lines()) {
            String label = setup.service(line.service()).map(service -> service.label()).orElse(line.service());
            int count = line.days().size();
            body.append("\n").append(firstNames.getOrDefault(line.childId(), line.childId())).append(" – ")
                .append(label).append(" : ")
                .append(count).append(count > 1 ? " jours " : " jour ")
                .append(line.kind() == ChangeKind.BOOK ? (count > 1 ? "réservés" : "réservé")
                                                       : (count > 1 ? "annulés" : "annulé"))
                .append("\n");
            byMonth(line.days()).forEach((month, days) -> body.append("  ").append(MONTH.format(month)).append(" : ")
                    .append(days.stream().map(DAY::format).collect(Collectors.joining(", "))).append("\n"));
        }
        body.append("\n");
        if (event.amountPaidCents() > 0) {
            body.append("Montant payé : ").append(euros(event.amountPaidCents())).append("\n");
        }
        if (event.totals().creditUsedCents() > 0) {
            body.append("Avoir utilisé : ").append(euros(event.totals().creditUsedCents())).append("\n");
        }
        if (event.totals().creditAddedCents() > 0) {
            body.append("Avoir ajouté à votre compte famille : ")
                .append(euros(event.totals().creditAddedCents())).append("\n");
        }
        if (event.totals().invoicedLaterCents() > 0) {
            body.append("Facturé en fin de mois : ").append(euros(event.totals().invoicedLaterCents())).append("\n");
        }
        body.append("Avoir disponible : ").append(euros(event.creditBalanceCents())).append("\n\n");
        return body.append("""
                Vous pouvez modifier vos réservations sur l'Espace Famille jusqu'à l'heure limite de \
                chaque service, indiquée sur votre planning : %s

                Ce message est envoyé automatiquement, merci de ne pas y répondre.
                Le service famille de %s
                """.formatted(properties.portalUrl(), properties.townName())).toString();
    }

    private static Map<YearMonth, List<LocalDate>> byMonth(List<BasketDay> days) {
        return days.stream().map(BasketDay::day).sorted()
                .collect(Collectors.groupingBy(YearMonth::from, TreeMap::new, Collectors.toList()));
    }

    private static String euros(long cents) {
        return String.format(Locale.FRANCE, "%,.2f €", cents / 100.0);
    }
}
