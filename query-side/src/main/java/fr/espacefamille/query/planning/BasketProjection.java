package fr.espacefamille.query.planning;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
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
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Each parent's current basket: one document per dossier and account in
 * {@code planning_baskets}, {@code _id: "<dossier>|<account>"}, with its lines by child,
 * service and day. Once a basket ends, the document says how (confirmed, released) until the
 * parent opens the next one.
 */
@Component
@ProcessingGroup(PlanningProjections.GROUP)
class BasketProjection {

    private final MongoCollection<Document> baskets;
    private final ObjectMapper objectMapper;

    BasketProjection(MongoDatabase database, ObjectMapper objectMapper) {
        this.baskets = database.getCollection("planning_baskets");
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
        baskets.replaceOne(Filters.eq("_id", id(event.dossierNumber(), event.account())),
                           new Document("_id", id(event.dossierNumber(), event.account()))
                                   .append("basketId", event.basketId())
                                   .append("status", BasketStatus.OPEN.name())
                                   .append("expiresAt", Date.from(event.expiresAt()))
                                   .append("lines", new Document()),
                           new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(DaysAddedToBasketEvent event) {
        List<Bson> updates = new ArrayList<>();
        for (BasketDay day : event.days()) {
            updates.add(Updates.set("lines." + lineKey(event.childId(), event.service(), day.day()),
                                    new Document("childId", event.childId())
                                            .append("service", event.service())
                                            .append("day", day.day().toString())
                                            .append("kind", event.kind().name())
                                            .append("billing", event.billing().name())
                                            .append("amountCents", day.amountCents())
                                            .append("awaitingPlace", event.awaitingPlace())));
        }
        updates.add(Updates.set("expiresAt", Date.from(event.expiresAt())));
        update(event.dossierNumber(), event.account(), event.basketId(), updates);
    }

    @EventHandler
    void on(DaysRemovedFromBasketEvent event) {
        List<Bson> updates = new ArrayList<>();
        for (LocalDate day : event.days()) {
            updates.add(Updates.unset("lines." + lineKey(event.childId(), event.service(), day)));
        }
        updates.add(Updates.set("expiresAt", Date.from(event.expiresAt())));
        update(event.dossierNumber(), event.account(), event.basketId(), updates);
    }

    @EventHandler
    void on(PlacesGrantedEvent event) {
        List<Bson> updates = new ArrayList<>();
        event.days().forEach(day -> updates.add(Updates.set(
                "lines." + lineKey(event.childId(), event.service(), day) + ".awaitingPlace", false)));
        update(event.dossierNumber(), event.account(), event.basketId(), updates);
    }

    @EventHandler
    void on(BasketCheckedOutEvent event) {
        update(event.dossierNumber(), event.account(), event.basketId(), List.of(
                Updates.set("status", BasketStatus.AWAITING_PAYMENT.name()),
                Updates.set("expiresAt", Date.from(event.expiresAt())),
                Updates.set("checkout", objectMapper.convertValue(event.totals(), Document.class))));
    }

    @EventHandler
    void on(BasketPaymentFailedEvent event) {
        update(event.dossierNumber(), event.account(), event.basketId(), List.of(
                Updates.set("status", BasketStatus.OPEN.name()),
                Updates.set("lastPayment", event.status().name()),
                Updates.unset("checkout")));
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

    private void update(String dossierNumber, String account, String basketId, List<Bson> updates) {
        baskets.updateOne(Filters.and(Filters.eq("_id", id(dossierNumber, account)), Filters.eq("basketId", basketId)),
                          Updates.combine(updates));
    }

    private void end(String dossierNumber, String account, String basketId, BasketStatus status, String reason) {
        baskets.updateOne(Filters.and(Filters.eq("_id", id(dossierNumber, account)), Filters.eq("basketId", basketId)),
                          Updates.combine(Updates.set("status", status.name()), Updates.set("lines", new Document()),
                                          Updates.set("reason", reason), Updates.unset("checkout")));
    }
}
