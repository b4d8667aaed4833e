package fr.espacefamille.command.account;

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
 * The password hashes of parents' accounts, one document per account in {@code credentials},
 * keyed by the account id. Kept out of the events on purpose: an event is kept forever and
 * read by every projection and integrator, a hash must be replaceable and seen by no one.
 */
@Component
class Credentials {

    private final MongoCollection<Document> credentials;
    private final Clock clock;

    Credentials(MongoDatabase database, Clock clock) {
        this.credentials = database.getCollection("credentials");
        this.clock = clock;
    }

    Optional<String> hashOf(String accountId) {
        Document document = credentials.find(Filters.eq("_id", accountId)).first();
        return Optional.ofNullable(document).map(found -> found.getString("hash"));
    }

    void save(String accountId, String hash) {
        credentials.replaceOne(Filters.eq("_id", accountId),
                               new Document("_id", accountId).append("hash", hash)
                                       .append("changedAt", Date.from(clock.instant())),
                               new ReplaceOptions().upsert(true));
    }
}
