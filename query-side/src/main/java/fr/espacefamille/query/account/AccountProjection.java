package fr.espacefamille.query.account;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.account.AccountActivatedEvent;
import fr.espacefamille.events.account.AccountContact;
import fr.espacefamille.events.account.AccountIds;
import fr.espacefamille.events.account.AccountRegisteredEvent;
import fr.espacefamille.events.account.AccountView;
import fr.espacefamille.events.account.ActivationRequestedEvent;
import fr.espacefamille.events.account.DossierLinkedEvent;
import fr.espacefamille.events.account.DossierUnlinkedEvent;
import fr.espacefamille.events.account.EmailChangedEvent;
import fr.espacefamille.events.account.FindAccountContactQuery;
import fr.espacefamille.events.account.FindAccountQuery;
import fr.espacefamille.events.account.TermsAcceptedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Accounts as their holders and the e-mails see them: one document per account in
 * {@code account_views}, keyed by the account id (the username in lower case). Holds no
 * password, hash or token. Idempotent like the dossier views: each document remembers the last
 * sequence number applied.
 */
@Component
@ProcessingGroup(AccountProjection.GROUP)
class AccountProjection {

    static final String GROUP = "accounts";
    private static final String VERSION = "version";

    private final MongoCollection<Document> views;

    AccountProjection(MongoDatabase database) {
        this.views = database.getCollection("account_views");
    }

    @EventHandler
    void on(AccountRegisteredEvent event, @SequenceNumber long sequenceNumber) {
        update(event.accountId(), sequenceNumber,
               view -> new AccountView(event.username(), event.email(), null, List.of(), null, "REGISTERED"));
    }

    @EventHandler
    void on(DossierLinkedEvent event, @SequenceNumber long sequenceNumber) {
        update(event.accountId(), sequenceNumber, view -> {
            List<String> dossiers = new ArrayList<>(view.dossierNumbers());
            dossiers.add(event.dossierNumber());
            return new AccountView(view.username(), view.email(), event.guardianName(), dossiers,
                                   view.termsVersion(), view.status());
        });
    }

    @EventHandler
    void on(DossierUnlinkedEvent event, @SequenceNumber long sequenceNumber) {
        update(event.accountId(), sequenceNumber, view -> {
            List<String> dossiers = new ArrayList<>(view.dossierNumbers());
            dossiers.remove(event.dossierNumber());
            return new AccountView(view.username(), view.email(), view.guardianName(), dossiers,
                                   view.termsVersion(), view.status());
        });
    }

    @EventHandler
    void on(TermsAcceptedEvent event, @SequenceNumber long sequenceNumber) {
        update(event.accountId(), sequenceNumber, view -> new AccountView(view.username(), view.email(),
                view.guardianName(), view.dossierNumbers(), event.termsVersion(), view.status()));
    }

    @EventHandler
    void on(ActivationRequestedEvent event, @SequenceNumber long sequenceNumber) {
        update(event.accountId(), sequenceNumber, view -> new AccountView(view.username(), view.email(),
                view.guardianName(), view.dossierNumbers(), view.termsVersion(), "AWAITING_ACTIVATION"));
    }

    @EventHandler
    void on(AccountActivatedEvent event, @SequenceNumber long sequenceNumber) {
        update(event.accountId(), sequenceNumber, view -> new AccountView(view.username(), view.email(),
                view.guardianName(), view.dossierNumbers(), view.termsVersion(), "ACTIVE"));
    }

    @EventHandler
    void on(EmailChangedEvent event, @SequenceNumber long sequenceNumber) {
        update(event.accountId(), sequenceNumber, view -> new AccountView(view.username(), event.email(),
                view.guardianName(), view.dossierNumbers(), view.termsVersion(), view.status()));
    }

    @ResetHandler
    void reset() {
        views.deleteMany(new Document());
    }

    @QueryHandler
    AccountView handle(FindAccountQuery query) {
        return find(query.username());
    }

    @QueryHandler
    AccountContact handle(FindAccountContactQuery query) {
        AccountView view = find(query.username());
        return new AccountContact(view.username(), view.email(),
                                  view.guardianName() == null ? view.username() : view.guardianName());
    }

    private AccountView find(String username) {
        Document document = username == null ? null : views.find(Filters.eq("_id", AccountIds.of(username))).first();
        if (document == null) {
            throw RefusedException.notFound("ACCOUNT_NOT_FOUND", "Aucun compte ne porte cet identifiant.");
        }
        return toView(document);
    }

    private void update(String accountId, long sequenceNumber, UnaryOperator<AccountView> change) {
        Document current = views.find(Filters.eq("_id", accountId)).first();
        if (current != null && current.getLong(VERSION) >= sequenceNumber) {
            return;
        }

        AccountView before = current == null ? new AccountView(accountId, null, null, List.of(), null, null)
                                             : toView(current);
        AccountView after = change.apply(before);
        Document document = new Document("_id", accountId)
                .append(VERSION, sequenceNumber)
                .append("username", after.username())
                .append("email", after.email())
                .append("guardianName", after.guardianName())
                .append("dossierNumbers", after.dossierNumbers())
                .append("termsVersion", after.termsVersion())
                .append("status", after.status());
        views.replaceOne(Filters.eq("_id", accountId), document, new ReplaceOptions().upsert(true));
    }

    private static AccountView toView(Document document) {
        return new AccountView(document.getString("username"), document.getString("email"),
                               document.getString("guardianName"), document.getList("dossierNumbers", String.class),
                               document.getString("termsVersion"), document.getString("status"));
    }
}
