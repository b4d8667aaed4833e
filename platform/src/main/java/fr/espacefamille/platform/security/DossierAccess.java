package fr.espacefamille.platform.security;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import fr.espacefamille.events.account.AccountIds;
import org.bson.Document;

/**
 * The accounts a dossier no longer counts among its guardians', in {@code dossier_access}: one
 * document per dossier and account, keyed {@code <dossierNumber>|<accountId>}, read by
 * {@code _id} at every request to a family's dossier.
 *
 * <p>A session lists the dossiers its account reached at login. An import may drop a guardian
 * later: the query side then marks the account's access to that dossier as withdrawn, and the
 * session is refused from that moment, on every node, although its list still names the dossier.
 * A link made again later (before activation, the sign-up may link the dossier anew) opens it
 * again. Each document keeps the dossier's sequence number of the event that wrote it, so that
 * an event delivered again, or a replay, never undoes a later one.
 */
public class DossierAccess {

    private static final String VERSION = "version";
    private static final String WITHDRAWN = "withdrawn";

    private final MongoCollection<Document> access;

    public DossierAccess(MongoDatabase database) {
        this.access = database.getCollection("dossier_access");
    }

    /** Whether the account of this username may still reach the dossier its session lists. */
    public boolean isOpen(String dossierNumber, String username) {
        Document document = access.find(Filters.eq("_id", key(dossierNumber, AccountIds.of(username)))).first();
        return document == null || !document.getBoolean(WITHDRAWN, false);
    }

    /** The dossier linked the account, at this sequence number of the dossier's events. */
    public void open(String dossierNumber, String accountId, long sequenceNumber) {
        write(dossierNumber, accountId, sequenceNumber, false);
    }

    /** The dossier dropped the account's guardian, at this sequence number of the dossier's events. */
    public void withdraw(String dossierNumber, String accountId, long sequenceNumber) {
        write(dossierNumber, accountId, sequenceNumber, true);
    }

    private void write(String dossierNumber, String accountId, long sequenceNumber, boolean withdrawn) {
        String id = key(dossierNumber, accountId);
        Document current = access.find(Filters.eq("_id", id)).first();
        if (current != null && current.getLong(VERSION) >= sequenceNumber) {
            return;
        }

        access.replaceOne(Filters.eq("_id", id), new Document("_id", id)
                                  .append("dossierNumber", dossierNumber)
                                  .append("accountId", accountId)
                                  .append(WITHDRAWN, withdrawn)
                                  .append(VERSION, sequenceNumber),
                          new ReplaceOptions().upsert(true));
    }

    private static String key(String dossierNumber, String accountId) {
        return dossierNumber + "|" + accountId;
    }
}
