package fr.espacefamille.query.planning;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import fr.espacefamille.events.planning.BasketConfirmedEvent;
import fr.espacefamille.events.planning.BookingsCancelledByTownEvent;
import fr.espacefamille.events.planning.FamilyCredit;
import fr.espacefamille.events.planning.FindFamilyCreditQuery;
import fr.espacefamille.events.planning.LatePaymentCreditedEvent;
import fr.espacefamille.events.planning.TownCancellationCause;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/**
 * The family's credit (avoir): one document per dossier in {@code planning_credits}, with the
 * balance the events state and each movement keyed by its basket, its payment or the event that
 * made it, so that an event applied twice leaves one movement.
 */
@Component
@ProcessingGroup(PlanningProjections.GROUP)
class CreditProjection {

    private final MongoCollection<Document> credits;

    CreditProjection(MongoDatabase database) {
        this.credits = database.getCollection("planning_credits");
    }

    @EventHandler
    void on(BasketConfirmedEvent event, @Timestamp Instant at) {
        long change = event.totals().creditAddedCents() - event.totals().creditUsedCents();
        if (change == 0) {
            return;
        }
        String label = change > 0 ? "Annulation de jours payés" : "Avoir utilisé pour un paiement";
        record(event.dossierNumber(), event.basketId(), event.basketId(), change, label, event.creditBalanceCents(),
               at);
    }

    @EventHandler
    void on(LatePaymentCreditedEvent event, @Timestamp Instant at) {
        record(event.dossierNumber(), event.operationId(), event.basketId(), event.amountCents(),
               "Paiement reçu après l'expiration du panier", event.creditBalanceCents(), at);
    }

    @EventHandler
    void on(BookingsCancelledByTownEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        if (event.creditAddedCents() == 0) {
            return;
        }
        boolean closure = event.cancellations().stream()
                .allMatch(cancellation -> cancellation.cause() == TownCancellationCause.SERVICE_CLOSED);
        String label = closure ? "Jours payés annulés : fermeture du service"
                : "Jours payés annulés : dossier mis à jour par la mairie";
        record(event.dossierNumber(), eventId, null, event.creditAddedCents(), label, event.creditBalanceCents(), at);
    }

    @ResetHandler
    void reset() {
        credits.deleteMany(new Document());
    }

    @QueryHandler
    FamilyCredit handle(FindFamilyCreditQuery query) {
        Document document = credits.find(Filters.eq("_id", query.dossierNumber())).first();
        if (document == null) {
            return new FamilyCredit(query.dossierNumber(), 0, List.of());
        }
        List<FamilyCredit.Movement> movements = new ArrayList<>();
        document.get("movements", new Document()).values().forEach(value -> {
            Document movement = (Document) value;
            movements.add(new FamilyCredit.Movement(movement.getDate("at").toInstant(), movement.getString("basketId"),
                                                    ((Number) movement.get("amountCents")).longValue(),
                                                    movement.getString("label")));
        });
        movements.sort(Comparator.comparing(FamilyCredit.Movement::at).reversed());
        return new FamilyCredit(query.dossierNumber(), ((Number) document.get("balanceCents")).longValue(), movements);
    }

    long balance(String dossierNumber) {
        Document document = credits.find(Filters.eq("_id", dossierNumber)).first();
        return document == null ? 0 : ((Number) document.get("balanceCents")).longValue();
    }

    private void record(String dossierNumber, String key, String basketId, long amount, String label, long balance,
                        Instant at) {
        credits.updateOne(Filters.eq("_id", dossierNumber),
                          Updates.combine(Updates.set("balanceCents", balance),
                                          Updates.set("movements." + MongoKeys.encode(key),
                                                      new Document("at", Date.from(at)).append("basketId", basketId)
                                                              .append("amountCents", amount).append("label", label))),
                          new UpdateOptions().upsert(true));
    }
}
