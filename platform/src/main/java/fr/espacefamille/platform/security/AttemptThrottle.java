package fr.espacefamille.platform.security;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Counts failed attempts per key ({@code login-user:dupont}, {@code login-address:203.0.113.7})
 * in fixed windows, in MongoDB so that every node of every side counts together
 * ({@code attempt_counters}, one document per key and window, keyed by both, incremented with
 * one {@code $inc}).
 *
 * <p>A key's count is the sum of the current and the previous window: a refusal never lasts
 * longer than two windows, and nobody is locked out for good. Bucket4j was considered: it has
 * no MongoDB back end, and these counters need nothing more than an atomic increment.
 */
public class AttemptThrottle {

    private final MongoCollection<Document> counters;
    private final Clock clock;
    private final Duration window;

    public AttemptThrottle(MongoDatabase database, Clock clock, Duration window) {
        this.counters = database.getCollection("attempt_counters");
        this.clock = clock;
        this.window = window;
    }

    /** On a real MongoDB, lets the server delete what has expired; the in-process server keeps it. */
    public void ensureIndexes() {
        counters.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    /** Failures counted for the key in the current and the previous window. */
    public int failures(String key) {
        long current = windowIndex(clock.instant());
        int failures = 0;
        for (Document document : counters.find(Filters.in("_id", id(key, current), id(key, current - 1)))) {
            failures += document.getInteger("failures", 0);
        }
        return failures;
    }

    /**
     * Counts one more attempt and returns the key's count with it. Each of several concurrent
     * callers gets a count of its own: the increment's answer is the counter as it was before,
     * a copy, and not the live document that the in-process server would return "after".
     */
    public int recordFailure(String key) {
        Instant now = clock.instant();
        long current = windowIndex(now);
        Document before = counters.findOneAndUpdate(
                Filters.eq("_id", id(key, current)),
                Updates.combine(Updates.inc("failures", 1),
                                Updates.setOnInsert("expiresAt", Date.from(now.plus(window.multipliedBy(2))))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        int inCurrentWindow = (before == null ? 0 : before.getInteger("failures", 0)) + 1;
        Document previous = counters.find(Filters.eq("_id", id(key, current - 1))).first();
        return inCurrentWindow + (previous == null ? 0 : previous.getInteger("failures", 0));
    }

    /** Takes back one attempt counted by {@link #recordFailure}, once it turned out a success. */
    public void forgive(String key) {
        counters.updateOne(Filters.eq("_id", id(key, windowIndex(clock.instant()))), Updates.inc("failures", -1));
    }

    /** Forgets the key's failures, after a success. */
    public void reset(String key) {
        long current = windowIndex(clock.instant());
        counters.deleteMany(Filters.in("_id", List.of(id(key, current), id(key, current - 1))));
    }

    /** When the key's failures are all forgotten: the end of the current window, plus one. */
    public Duration retryAfter() {
        long next = windowIndex(clock.instant()) + 2;
        return Duration.between(clock.instant(), Instant.ofEpochMilli(next * window.toMillis()));
    }

    private long windowIndex(Instant instant) {
        return instant.toEpochMilli() / window.toMillis();
    }

    private static String id(String key, long windowIndex) {
        return key + "@" + windowIndex;
    }
}
