package fr.espacefamille.query.account;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.account.AccountActivatedEvent;
import fr.espacefamille.events.account.AccountContact;
import fr.espacefamille.events.account.AccountRegisteredEvent;
import fr.espacefamille.events.account.AccountView;
import fr.espacefamille.events.account.DossierLinkedEvent;
import fr.espacefamille.events.account.EmailChangedEvent;
import fr.espacefamille.events.account.FindAccountContactQuery;
import fr.espacefamille.events.account.FindAccountQuery;
import fr.espacefamille.platform.testing.InMemoryMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The account view, fed with the account's events. */
class AccountProjectionTest {

    private static final InMemoryMongo MONGO = InMemoryMongo.start();
    private static final MongoClient CLIENT = MongoClients.create(MONGO.uri());

    private final AccountProjection projection = new AccountProjection(CLIENT.getDatabase("accounts-test"));

    @AfterAll
    static void stop() {
        CLIENT.close();
        MONGO.close();
    }

    @Test
    void theContactOfAnAccountFollowsItsEmailAndNamesItsGuardian() {
        projection.on(new AccountRegisteredEvent("lefevre", "Lefevre", "sophie@example.org"), 0);
        projection.on(new DossierLinkedEvent("lefevre", "2018-00544", "Sophie LEFÈVRE"), 1);
        projection.on(new AccountActivatedEvent("lefevre", "Lefevre"), 2);
        projection.on(new EmailChangedEvent("lefevre", "Lefevre", "sophie@example.org", "sophie@example.net"), 3);

        assertThat(projection.handle(new FindAccountContactQuery("LEFEVRE")))
                .isEqualTo(new AccountContact("Lefevre", "sophie@example.net", "Sophie LEFÈVRE"));
        assertThat(projection.handle(new FindAccountQuery("lefevre")))
                .isEqualTo(new AccountView("Lefevre", "sophie@example.net", "Sophie LEFÈVRE", List.of("2018-00544"),
                                           null, "ACTIVE"));
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() {
        projection.on(new AccountRegisteredEvent("dupont", "Dupont", "jean@example.org"), 0);
        DossierLinkedEvent linked = new DossierLinkedEvent("dupont", "2021-00988", "Jean DUPONT");
        projection.on(linked, 1);
        projection.on(linked, 1);

        assertThat(projection.handle(new FindAccountQuery("dupont")).dossierNumbers()).containsExactly("2021-00988");
    }

    @Test
    void anUnknownUsernameIsRefused() {
        assertThatThrownBy(() -> projection.handle(new FindAccountContactQuery("nobody")))
                .isInstanceOfSatisfying(RefusedException.class,
                                        refusal -> assertThat(refusal.code()).isEqualTo("ACCOUNT_NOT_FOUND"));
    }
}
