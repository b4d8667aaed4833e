package fr.espacefamille.query.dossier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import fr.espacefamille.events.Audit;
import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.dossier.DossierDetails;
import fr.espacefamille.events.dossier.DossierDetailsChangedEvent;
import fr.espacefamille.events.dossier.DossierHistoryEntry;
import fr.espacefamille.events.dossier.DossierRegisteredEvent;
import fr.espacefamille.events.dossier.DossierView;
import fr.espacefamille.events.dossier.FindDossierQuery;
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

/**
 * The dossiers as staff see them: one document per dossier in {@code dossier_views}, keyed by
 * the dossier number, holding its details and its history.
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
        apply(event.dossierNumber(), event.details(),
              new DossierHistoryEntry("DossierRegisteredEvent", sequenceNumber, timestamp, author));
    }

    @EventHandler
    void on(DossierDetailsChangedEvent event,
            @SequenceNumber long sequenceNumber,
            @Timestamp Instant timestamp,
            @MetaDataValue(Audit.AUTHOR) String author) {
        apply(event.dossierNumber(), event.details(),
              new DossierHistoryEntry("DossierDetailsChangedEvent", sequenceNumber, timestamp, author));
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

    private void apply(String dossierNumber, DossierDetails details, DossierHistoryEntry entry) {
        Document current = views.find(Filters.eq("_id", dossierNumber)).first();
        if (isAlreadyApplied(current, entry.sequenceNumber())) {
            return;
        }

        List<DossierHistoryEntry> history = new ArrayList<>(current == null ? List.of() : toView(current).history());
        history.add(entry);
        DossierView view = new DossierView(dossierNumber, details.dossierName(), details.familyQuotient(),
                                           details.invoiceDeliveryMode(), details.guardians(),
                                           details.children(), history);
        views.replaceOne(Filters.eq("_id", dossierNumber), toDocument(view, entry.sequenceNumber()),
                         new ReplaceOptions().upsert(true));
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
