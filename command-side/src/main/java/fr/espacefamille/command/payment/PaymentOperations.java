package fr.espacefamille.command.payment;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Date;
import java.util.Optional;

/**
 * Which basket each payment operation pays, so that a notification, which names only the
 * operation, finds its dossier. One document per operation in {@code payment_operations}, read
 * by {@code _id}; written before the payer is sent to the payment page, so that it is there
 * whichever node the notification reaches.
 */
@Component
public class PaymentOperations {

    private final MongoCollection<Document> operations;
    private final Clock clock;

    PaymentOperations(MongoDatabase database, Clock clock) {
        this.operations = database.getCollection("payment_operations");
        this.clock = clock;
    }

    public void remember(String operationId, String dossierNumber, String basketId, long amountCents,
                         String redirectUrl) {
        operations.replaceOne(Filters.eq("_id", operationId),
                              new Document("_id", operationId)
                                      .append("dossierNumber", dossierNumber)
                                      .append("basketId", basketId)
                                      .append("amountCents", amountCents)
                                      .append("redirectUrl", redirectUrl)
                                      .append("startedAt", Date.from(clock.instant())),
                              new ReplaceOptions().upsert(true));
    }

    public Optional<Operation> find(String operationId) {
        Document document = operations.find(Filters.eq("_id", operationId)).first();
        return Optional.ofNullable(document)
                .map(found -> new Operation(operationId, found.getString("dossierNumber"),
                                            found.getString("basketId"), found.getString("redirectUrl")));
    }

    /**
     * A payment operation, the basket it pays and the provider's page where it is paid
     * ({@code null} for an operation remembered before pages were).
     */
    public record Operation(String operationId, String dossierNumber, String basketId, String redirectUrl) {
    }
}
