package fr.espacefamille.platform.security;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Sessions in MongoDB ({@code sessions}), one document per session keyed by the SHA-256 of the
 * secret that the browser's cookie holds: every node of either side finds it by {@code _id}.
 *
 * <p>A session ends at logout, after {@link SecurityProperties#sessionIdleTimeout()} without a
 * request, {@link SecurityProperties#sessionAbsoluteTimeout()} after login, and when its
 * holder's password changes. The last request is written at most once a minute, so that
 * reading a page costs no write.
 */
public class SessionStore {

    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final MongoCollection<Document> sessions;
    private final SecurityProperties properties;
    private final Clock clock;

    public SessionStore(MongoDatabase database, SecurityProperties properties, Clock clock) {
        this.sessions = database.getCollection("sessions");
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * On a real MongoDB, lets the server delete sessions past their absolute timeout and find
     * a holder's sessions by index; the in-process server ignores both.
     */
    public void ensureIndexes() {
        sessions.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        sessions.createIndex(Indexes.ascending("holder"));
    }

    /** Opens a session and returns the secret for the browser's cookie. */
    public String open(String username, Role role, List<String> dossierNumbers) {
        String token = SecretTokens.newToken();
        Date now = Date.from(clock.instant());
        sessions.insertOne(new Document("_id", SecretTokens.hash(token))
                                   .append("expiresAt", Date.from(clock.instant()
                                                                       .plus(properties.sessionAbsoluteTimeout())))
                                   .append("username", username)
                                   .append("holder", holderKey(username))
                                   .append("role", role.name())
                                   .append("dossierNumbers", dossierNumbers)
                                   .append("createdAt", now)
                                   .append("lastSeenAt", now));
        return token;
    }

    /** The live session of this secret; an expired one is removed. */
    public Optional<Session> find(String token) {
        if (!SecretTokens.isWellFormed(token)) {
            return Optional.empty();
        }
        String id = SecretTokens.hash(token);
        Document document = sessions.find(Filters.eq("_id", id)).first();
        if (document == null) {
            return Optional.empty();
        }

        Session session = toSession(document);
        Instant now = clock.instant();
        if (isOver(session, now)) {
            sessions.deleteOne(Filters.eq("_id", id));
            return Optional.empty();
        }
        if (session.lastSeenAt().plus(TOUCH_INTERVAL).isBefore(now)) {
            sessions.updateOne(Filters.eq("_id", id), Updates.set("lastSeenAt", Date.from(now)));
        }
        return Optional.of(session);
    }

    public void close(String token) {
        if (SecretTokens.isWellFormed(token)) {
            sessions.deleteOne(Filters.eq("_id", SecretTokens.hash(token)));
        }
    }

    /** Ends every session of this username, as a password change must. */
    public void closeAll(String username) {
        sessions.deleteMany(Filters.eq("holder", holderKey(username)));
    }

    private boolean isOver(Session session, Instant now) {
        return now.isAfter(session.createdAt().plus(properties.sessionAbsoluteTimeout()))
                || now.isAfter(session.lastSeenAt().plus(properties.sessionIdleTimeout()));
    }

    private static String holderKey(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    private static Session toSession(Document document) {
        return new Session(document.getString("username"),
                           Role.valueOf(document.getString("role")),
                           document.getList("dossierNumbers", String.class),
                           document.getDate("createdAt").toInstant(),
                           document.getDate("lastSeenAt").toInstant());
    }
}
