package fr.espacefamille.query.dossier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import fr.espacefamille.events.Audit;
import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.dossier.AccountLinkedEvent;
import fr.espacefamille.events.dossier.AccountUnlinkedEvent;
import fr.espacefamille.events.dossier.DocumentPublishedEvent;
import fr.espacefamille.events.dossier.DossierDetails;
import fr.espacefamille.events.dossier.DossierDetailsChangedEvent;
import fr.espacefamille.events.dossier.DossierDocument;
import fr.espacefamille.events.dossier.DossierHistoryEntry;
import fr.espacefamille.events.dossier.DossierRegisteredEvent;
import fr.espacefamille.events.dossier.DossierView;
import fr.espacefamille.events.dossier.FindDossierQuery;
import fr.espacefamille.events.dossier.Guardian;
import fr.espacefamille.events.dossier.GuardianEmailGivenEvent;
import fr.espacefamille.events.dossier.GuardianPhonesChangedEvent;
import fr.espacefamille.events.dossier.InvoiceDeliveryMode;
import fr.espacefamille.events.dossier.InvoiceDeliveryModeChangedEvent;
import fr.espacefamille.events.dossier.PublishedDocument;
import fr.espacefamille.events.planning.BookingsCancelledByTownEvent;
import fr.espacefamille.events.planning.TownCancellation;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The dossiers as staff and families see them: one document per dossier in
 * {@code dossier_views}, keyed by the dossier number, holding its details, its documents and
 * its history, each entry with its author and a French description.
 *
 * <p>The list of dossiers is {@link DossierSummaryProjection}'s, in the same processing group.
 *
 * <p>Idempotent: each document remembers the last sequence number applied to it, and an event
 * at or below it is skipped, so an event delivered twice (after a crash between the write and
 * the token update) changes nothing.
 */
@Component
@ProcessingGroup(DossierProjection.GROUP)
class DossierProjection {

    static final String GROUP = "dossiers";
    private static final String VERSION = "version";

    private final MongoCollection<Document> views;
    private final ObjectMapper objectMapper;

    DossierProjection(MongoDatabase database, ObjectMapper objectMapper) {
        this.views = database.getCollection("dossier_views");
        this.objectMapper = objectMapper;
    }

    @EventHandler
    void on(DossierRegisteredEvent event,
            @SequenceNumber long sequenceNumber,
            @Timestamp Instant timestamp,
            @MetaDataValue(Audit.AUTHOR) String author) {
        update(event.dossierNumber(), entry(event, sequenceNumber, timestamp, author, "Dossier enregistré"),
               view -> withDetails(event.dossierNumber(), event.details(), view));
    }

    @EventHandler
    void on(DossierDetailsChangedEvent event,
            @SequenceNumber long sequenceNumber,
            @Timestamp Instant timestamp,
            @MetaDataValue(Audit.AUTHOR) String author) {
        update(event.dossierNumber(),
               entry(event, sequenceNumber, timestamp, author, "Dossier mis à jour depuis le logiciel de la mairie"),
               view -> withDetails(event.dossierNumber(), event.details(), view));
    }

    @EventHandler
    void on(AccountLinkedEvent event,
            @SequenceNumber long sequenceNumber,
            @Timestamp Instant timestamp,
            @MetaDataValue(Audit.AUTHOR) String author) {
        update(event.dossierNumber(), entry(event, sequenceNumber, timestamp, author,
                                            "Compte « " + event.username() + " » rattaché au dossier"),
               view -> view);
    }

    @EventHandler
    void on(AccountUnlinkedEvent event,
            @SequenceNumber long sequenceNumber,
            @Timestamp Instant timestamp,
            @MetaDataValue(Audit.AUTHOR) String author) {
        update(event.dossierNumber(), entry(event, sequenceNumber, timestamp, author,
                                            "Compte « " + event.accountId() + " » détaché du dossier : "
                                                    + event.guardianName() + " n'y figure plus"),
               view -> view);
    }

    @EventHandler
    void on(GuardianEmailGivenEvent event,
            @SequenceNumber long sequenceNumber,
            @Timestamp Instant timestamp,
            @MetaDataValue(Audit.AUTHOR) String author) {
        update(event.dossierNumber(), entry(event, sequenceNumber, timestamp, author,
                                            "Adresse e-mail donnée à l'inscription et confirmée : " + event.email()),
               view -> withGuardian(view, event.guardianIndex(), guardian -> new Guardian(
                       guardian.civility(), guardian.firstName(), guardian.lastName(), event.email(),
                       guardian.mobilePhone(), guardian.homePhone(), guardian.address())));
    }

    @EventHandler
    void on(GuardianPhonesChangedEvent event,
            @SequenceNumber long sequenceNumber,
            @Timestamp Instant timestamp,
            @MetaDataValue(Audit.AUTHOR) String author) {
        update(event.dossierNumber(), entry(event, sequenceNumber, timestamp, author, "Téléphones modifiés"),
               view -> withGuardian(view, event.guardianIndex(), guardian -> new Guardian(
                       guardian.civility(), guardian.firstName(), guardian.lastName(), guardian.email(),
                       event.mobilePhone(), event.homePhone(), guardian.address())));
    }

    @EventHandler
    void on(InvoiceDeliveryModeChangedEvent event,
            @SequenceNumber long sequenceNumber,
            @Timestamp Instant timestamp,
            @MetaDataValue(Audit.AUTHOR) String author) {
        String mode = event.invoiceDeliveryMode() == InvoiceDeliveryMode.EMAIL ? "par e-mail" : "par courrier";
        update(event.dossierNumber(), entry(event, sequenceNumber, timestamp, author, "Factures envoyées " + mode),
               view -> view.withInvoiceDeliveryMode(event.invoiceDeliveryMode()));
    }

    @EventHandler
    void on(DocumentPublishedEvent event,
            @SequenceNumber long sequenceNumber,
            @Timestamp Instant timestamp,
            @MetaDataValue(Audit.AUTHOR) String author) {
        DossierDocument document = event.document();
        update(event.dossierNumber(), entry(event, sequenceNumber, timestamp, author,
                                            "Document mis à disposition : " + document.title()),
               view -> withDocument(view, new PublishedDocument(document.documentId(), document.title(),
                                                                document.fileName(), document.size(), timestamp)));
    }

    @EventHandler
    void on(BookingsCancelledByTownEvent event,
            @SequenceNumber long sequenceNumber,
            @Timestamp Instant timestamp,
            @MetaDataValue(Audit.AUTHOR) String author) {
        update(event.dossierNumber(), entry(event, sequenceNumber, timestamp, author, describe(event)), view -> view);
    }

    @ResetHandler
    void reset() {
        views.deleteMany(new Document());
    }

    @QueryHandler
    DossierView handle(FindDossierQuery query) {
        Document document = views.find(Filters.eq("_id", query.dossierNumber())).first();
        if (document == null) {
            throw RefusedException.notFound("DOSSIER_NOT_FOUND", "Aucun dossier ne porte ce numéro.");
        }
        return toView(document);
    }

    /** Applies one event to the dossier's view and appends it to its history, once. */
    private void update(String dossierNumber, DossierHistoryEntry entry, UnaryOperator<DossierView> change) {
        Document current = views.find(Filters.eq("_id", dossierNumber)).first();
        if (isAlreadyApplied(current, entry.sequenceNumber())) {
            return;
        }

        DossierView before = current == null
                ? new DossierView(dossierNumber, null, null, null, List.of(), List.of(), List.of(), List.of())
                : toView(current);
        DossierView after = change.apply(before);
        List<DossierHistoryEntry> history = new ArrayList<>(after.history());
        history.add(entry);
        views.replaceOne(Filters.eq("_id", dossierNumber), toDocument(after.withHistory(history),
                                                                      entry.sequenceNumber()),
                         new ReplaceOptions().upsert(true));
    }

    private static DossierHistoryEntry entry(Object event, long sequenceNumber, Instant timestamp, String author,
                                             String description) {
        return new DossierHistoryEntry(event.getClass().getSimpleName(), sequenceNumber, timestamp, author,
                                       description);
    }

    private static String describe(BookingsCancelledByTownEvent event) {
        int days = event.cancellations().stream().mapToInt(cancellation -> cancellation.days().size()).sum();
        String reasons = event.cancellations().stream().map(TownCancellation::reason).distinct()
                .collect(Collectors.joining(", "));
        String credit = event.creditAddedCents() == 0 ? ""
                : ", " + String.format(Locale.FRANCE, "%,.2f €", event.creditAddedCents() / 100.0)
                        + " rendus en avoir";
        return "Réservations annulées par la mairie (" + reasons + ") : " + days + (days > 1 ? " jours" : " jour")
                + credit;
    }

    private static DossierView withDetails(String dossierNumber, DossierDetails details, DossierView view) {
        return new DossierView(dossierNumber, details.dossierName(), details.familyQuotient(),
                               details.invoiceDeliveryMode(), details.guardians(), details.children(),
                               view.documents(), view.history());
    }

    /** The view with one guardian changed, the others as they were. */
    private static DossierView withGuardian(DossierView view, int index, UnaryOperator<Guardian> change) {
        List<Guardian> guardians = new ArrayList<>(view.guardians());
        guardians.set(index, change.apply(guardians.get(index)));
        return view.withGuardians(guardians);
    }

    private static DossierView withDocument(DossierView view, PublishedDocument document) {
        List<PublishedDocument> documents = new ArrayList<>();
        documents.add(document);
        documents.addAll(view.documents());
        return view.withDocuments(documents);
    }

    private static boolean isAlreadyApplied(Document current, long sequenceNumber) {
        return current != null && current.getLong(VERSION) >= sequenceNumber;
    }

    private Document toDocument(DossierView view, long version) {
        Document document = new Document("_id", view.dossierNumber()).append(VERSION, version);
        document.putAll(objectMapper.convertValue(view, Document.class));
        return document;
    }

    private DossierView toView(Document document) {
        return objectMapper.convertValue(document, DossierView.class);
    }
}
