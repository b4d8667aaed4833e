package fr.espacefamille.platform.axon;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.time.Clock;
import java.util.Date;

/**
 * Remembers which side effects were carried out, so that an event delivered again (after a
 * crash, a stop in the middle of a batch, a claim taken over by another node) does not send the
 * same e-mail twice. One document per effect in {@code side_effects}, keyed by what identifies
 * it, such as the event's identifier and the recipient.
 *
 * <p>The effect is recorded after it is carried out: if the process dies in between, it is
 * carried out once more. At least once, and in practice once.
 */
public class SideEffectLog {

    private final MongoCollection<Document> effects;
    private final Clock clock;

    public SideEffectLog(MongoDatabase database, Clock clock) {
        this.effects = database.getCollection("side_effects");
        this.clock = clock;
    }

    /**
     * Carries the effect out unless one with this key was carried out before.
     *
     * @return whether it was carried out now
     */
    public boolean once(String key, Runnable effect) {
        if (effects.find(Filters.eq("_id", key)).projection(new Document("_id", 1)).first() != null) {
            return false;
        }
        effect.run();
        record(key);
        return true;
    }

    private void record(String key) {
        try {
            effects.insertOne(new Document("_id", key).append("at", Date.from(clock.instant())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }
}
