package fr.espacefamille.platform.security;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The secrets of the links sent by e-mail (activation, password reset), kept as their SHA-256
 * in {@code one_time_tokens}, keyed by it.
 *
 * <p>A token only says which request of which account it stands for; whether that request is
 * still open, used or expired is the account's to say, so a link works once even if two nodes
 * receive it at the same moment. A token is found after its expiry, so that an expired link
 * can offer a new one.
 */
public class OneTimeTokens {

    /** The purpose of the activation links. */
    public static final String ACTIVATION = "activation";
    /** The purpose of the password reset links. */
    public static final String PASSWORD_RESET = "password-reset";

    private final MongoCollection<Document> tokens;

    public OneTimeTokens(MongoDatabase database) {
        this.tokens = database.getCollection("one_time_tokens");
    }

    /**
     * A link's token.
     *
     * @param purpose   such as {@code activation}
     * @param accountId the account it was sent for
     * @param requestId the account's request it stands for
     * @param expiresAt when the link stops working
     */
    public record Grant(
            String purpose,
            String accountId,
            String requestId,
            Instant expiresAt
    ) {
    }

    /** On a real MongoDB, lets the server delete what has expired; the in-process server keeps it. */
    public void ensureIndexes() {
        tokens.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    /** Draws a new secret for this request and returns it, for the e-mail; only its hash is kept. */
    public String issue(Grant grant) {
        String token = SecretTokens.newToken();
        tokens.insertOne(new Document("_id", SecretTokens.hash(token))
                                 .append("purpose", grant.purpose())
                                 .append("accountId", grant.accountId())
                                 .append("requestId", grant.requestId())
                                 .append("expiresAt", Date.from(grant.expiresAt())));
        return token;
    }

    /** What the token stands for, if it is one of ours and has this purpose. */
    public Optional<Grant> find(String purpose, String token) {
        if (!SecretTokens.isWellFormed(token)) {
            return Optional.empty();
        }
        Document document = tokens.find(Filters.eq("_id", SecretTokens.hash(token))).first();
        if (document == null || !purpose.equals(document.getString("purpose"))) {
            return Optional.empty();
        }
        return Optional.of(new Grant(purpose, document.getString("accountId"), document.getString("requestId"),
                                     document.getDate("expiresAt").toInstant()));
    }
}
