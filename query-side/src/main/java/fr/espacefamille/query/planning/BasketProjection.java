package fr.espacefamille.query.planning;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import fr.espacefamille.events.planning.BasketCheckedOutEvent;
import fr.espacefamille.events.planning.BasketConfirmedEvent;
import fr.espacefamille.events.planning.BasketDay;
import fr.espacefamille.events.planning.BasketOpenedEvent;
import fr.espacefamille.events.planning.BasketPaymentFailedEvent;
import fr.espacefamille.events.planning.BasketReleasedEvent;
import fr.espacefamille.events.planning.BasketStatus;
import fr.espacefamille.events.planning.DaysAddedToBasketEvent;
import fr.espacefamille.events.planning.DaysRemovedFromBasketEvent;
import fr.espacefamille.events.planning.PlacesGrantedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import fr.espacefamille.platform.readmodel.BatchedDocuments;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Date;
import java.util.function.Consumer;

import static fr.espacefamille.platform.readmodel.BatchedDocuments.section;

/**
 * Each parent's current basket: one document per dossier and account in
 * {@code planning_baskets}, {@code _id: "<dossier>|<account>"}, with its lines by child,
 * service and day. Once a basket ends, the document says how (confirmed, released) until the
 * parent opens the next one.
 *
 * <p>The events of a batch change the documents in memory, each written once when the batch
 * commits ({@link BatchedDocuments}); an event for a basket the document no longer holds
 * changes nothing.
 */
@Component
@ProcessingGroup(PlanningProjections.GROUP)
class BasketProjection {

    private static final String LINES = "lines";

    private final MongoCollection<Document> baskets;
    private final BatchedDocuments documents;
    private final ObjectMapper objectMapper;

    BasketProjection(MongoDatabase database, ObjectMapper objectMapper) {
        this.baskets = database.getCollection("planning_baskets");
        this.documents = new BatchedDocuments(baskets);
        this.objectMapper = objectMapper;
    }

    static String id(String dossierNumber, String account) {
        return dossierNumber + "|" + account;
    }

    static String lineKey(String childId, String service, LocalDate day) {
        return MongoKeys.encode(childId + "|" + service + "|" + day);
    }

    @EventHandler
    void on(BasketOpenedEvent event) {
        String id = id(event.dossierNumber(), event.account());
        documents.change(id, basket -> {
            basket.clear();
            basket.append("_id", id)
                  .append("basketId", event.basketId())
                  .append("status", BasketStatus.OPEN.name())
                  .append("expiresAt", Date.from(event.expiresAt()))
                  .append("lines", new Document());
        });
    }

    @EventHandler
    void on(DaysAddedToBasketEvent event) {
        change(event.dossierNumber(), event.account(), event.basketId(), basket -> {
            Document lines = section(basket, LINES);
            for (BasketDay day : event.days()) {
                lines.put(lineKey(event.childId(), event.service(), day.day()),
                          new Document("childId", event.childId())
                                  .append("service", event.service())
                                  .append("day", day.day().toString())
                                  .append("kind", event.kind().name())
                                  .append("billing", event.billing().name())
                                  .append("amountCents", day.amountCents())
                                  .append("awaitingPlace", event.awaitingPlace()));
            }
            basket.put("expiresAt", Date.from(event.expiresAt()));
        });
    }

    @EventHandler
    void on(DaysRemovedFromBasketEvent event) {
        change(event.dossierNumber(), event.account(), event.basketId(), basket -> {
            Document lines = section(basket, LINES);
            event.days().forEach(day -> lines.remove(lineKey(event.childId(), event.service(), day)));
            basket.put("expiresAt", Date.from(event.expiresAt()));
        });
    }

    @EventHandler
    void on(PlacesGrantedEvent event) {
        change(event.dossierNumber(), event.account(), event.basketId(), basket -> {
            Document lines = section(basket, LINES);
            event.days().forEach(day -> {
                Document line = lines.get(lineKey(event.childId(), event.service(), day), Document.class);
                if (line != null) {
                    line.put("awaitingPlace", false);
                }
            });
        });
    }

    @EventHandler
    void on(BasketCheckedOutEvent event) {
        Document checkout = objectMapper.convertValue(event.totals(), Document.class);
        change(event.dossierNumber(), event.account(), event.basketId(), basket -> {
            basket.put("status", BasketStatus.AWAITING_PAYMENT.name());
            basket.put("expiresAt", Date.from(event.expiresAt()));
            basket.put("checkout", checkout);
        });
    }

    @EventHandler
    void on(BasketPaymentFailedEvent event) {
        change(event.dossierNumber(), event.account(), event.basketId(), basket -> {
            basket.put("status", BasketStatus.OPEN.name());
            basket.put("lastPayment", event.status().name());
            basket.remove("checkout");
        });
    }

    @EventHandler
    void on(BasketConfirmedEvent event) {
        end(event.dossierNumber(), event.account(), event.basketId(), BasketStatus.CONFIRMED, null);
    }

    @EventHandler
    void on(BasketReleasedEvent event) {
        end(event.dossierNumber(), event.account(), event.basketId(), BasketStatus.RELEASED, event.reason());
    }

    @ResetHandler
    void reset() {
        baskets.deleteMany(new Document());
    }

    Document basket(String dossierNumber, String account) {
        return baskets.find(Filters.eq("_id", id(dossierNumber, account))).first();
    }

    /** Changes the parent's document if it still holds this basket; a later basket replaced it otherwise. */
    private void change(String dossierNumber, String account, String basketId, Consumer<Document> change) {
        documents.change(id(dossierNumber, account), basket -> {
            if (basketId.equals(basket.getString("basketId"))) {
                change.accept(basket);
            }
        });
    }

    private void end(String dossierNumber, String account, String basketId, BasketStatus status, String reason) {
        change(dossierNumber, account, basketId, basket -> {
            basket.put("status", status.name());
            basket.put(LINES, new Document());
            basket.put("reason", reason);
            basket.remove("checkout");
        });
    }
}
