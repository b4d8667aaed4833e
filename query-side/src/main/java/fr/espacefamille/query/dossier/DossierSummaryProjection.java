package fr.espacefamille.query.dossier;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import fr.espacefamille.events.dossier.DossierDetails;
import fr.espacefamille.events.dossier.DossierDetailsChangedEvent;
import fr.espacefamille.events.dossier.DossierRegisteredEvent;
import fr.espacefamille.events.dossier.DossierSummaries;
import fr.espacefamille.events.dossier.DossierSummary;
import fr.espacefamille.events.dossier.FindDossiersQuery;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The staff's list of dossiers: one small document per dossier in {@code dossier_summaries},
 * so that listing a town's thousands of dossiers reads a few hundred bytes each rather than
 * whole dossiers. Idempotent like {@link DossierProjection}, in the same processing group.
 */
@Component
@ProcessingGroup(DossierProjection.GROUP)
class DossierSummaryProjection {

    private static final String VERSION = "version";
    private static final Collator FRENCH = Collator.getInstance(Locale.FRENCH);

    private final MongoCollection<Document> summaries;

    DossierSummaryProjection(MongoDatabase database) {
        this.summaries = database.getCollection("dossier_summaries");
    }

    @EventHandler
    void on(DossierRegisteredEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.dossierNumber(), event.details(), sequenceNumber);
    }

    @EventHandler
    void on(DossierDetailsChangedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.dossierNumber(), event.details(), sequenceNumber);
    }

    @ResetHandler
    void reset() {
        summaries.deleteMany(new Document());
    }

    @QueryHandler
    DossierSummaries handle(FindDossiersQuery query) {
        List<DossierSummary> found = new ArrayList<>();
        for (Document document : summaries.find()) {
            found.add(new DossierSummary(
                    document.getString("_id"),
                    document.getString("dossierName"),
                    document.getList("guardianNames", String.class),
                    document.getInteger("childCount"),
                    document.getInteger("familyQuotient")));
        }
        found.sort(Comparator.comparing(DossierSummary::dossierName, FRENCH)
                             .thenComparing(DossierSummary::dossierNumber));
        return new DossierSummaries(found);
    }

    private void apply(String dossierNumber, DossierDetails details, long sequenceNumber) {
        Document current = summaries.find(Filters.eq("_id", dossierNumber)).projection(new Document(VERSION, 1))
                                    .first();
        if (current != null && current.getLong(VERSION) >= sequenceNumber) {
            return;
        }

        Document summary = new Document("_id", dossierNumber)
                .append(VERSION, sequenceNumber)
                .append("dossierName", details.dossierName())
                .append("guardianNames", details.guardians().stream()
                        .map(guardian -> guardian.firstName() + " " + guardian.lastName()).toList())
                .append("childCount", details.children().size())
                .append("familyQuotient", details.familyQuotient());
        summaries.replaceOne(Filters.eq("_id", dossierNumber), summary, new ReplaceOptions().upsert(true));
    }
}
