package fr.espacefamille.launcher.portal;

import fr.espacefamille.events.account.AccountContact;
import fr.espacefamille.events.account.FindAccountContactQuery;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The town's eight sign-up steps and the account's life after, over HTTP, with real e-mails. */
class AccountJourneyTest extends PortalTest {

    @Autowired
    QueryGateway queryGateway;

    @Test
    void aParentSignsUpInEightStepsThenSeesTheFamilyDossier() {
        Browser browser = browser();
        browser.get("/index.html").expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("Inscrivez-vous"));

        browser.post("/api/registration", Map.of("username", "Lefevre", "password", PASSWORD,
                                                 "email", "sophie.lefevre@example.org"))
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.nextStep").isEqualTo("DOSSIER");
        browser.post("/api/registration/dossier", Map.of("dossierNumber", "2018-00544", "dossierName", "lefevre"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.guardianName").isEqualTo("Sophie LEFÈVRE");
        browser.post("/api/registration/validation", Map.of("termsVersion", "2026-09", "termsAccepted", true))
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.email").isEqualTo("so•••@example.org");

        String token = linkTokenSentTo("sophie.lefevre@example.org", "activation");
        assertThat(newestMailTo("sophie.lefevre@example.org").map(PortalTest::body).orElseThrow())
                .contains("Lefevre", "http://portail.test/activation.html#jeton=", "une fois");
        assertRefused(browser().post("/api/session", Map.of("username", "lefevre", "password", PASSWORD)),
                      403, "ACCOUNT_NOT_ACTIVATED");

        browser().post("/api/accounts/activation", Map.of("token", token)).expectStatus().isOk();
        Browser parent = browser();
        parent.post("/api/session", Map.of("username", "LEFEVRE", "password", PASSWORD))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.role").isEqualTo("PARENT")
                .jsonPath("$.dossierNumbers[0]").isEqualTo("2018-00544");

        eventually(() -> parent.get("/api/family/dossiers/2018-00544").expectStatus().isOk().expectBody()
                .jsonPath("$.dossierName").isEqualTo("LEFÈVRE")
                .jsonPath("$.children[0].school").exists()
                .jsonPath("$.children[0].enrolments").isArray()
                .jsonPath("$.history[?(@.eventType == 'AccountLinkedEvent')].author").isEqualTo("account:Lefevre"));
        eventually(() -> parent.get("/api/account").expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("ACTIVE")
                .jsonPath("$.termsVersion").isEqualTo("2026-09"));
        AccountContact contact = queryGateway.query(new FindAccountContactQuery("LEFEVRE"), AccountContact.class)
                .join();
        assertThat(contact).isEqualTo(new AccountContact("Lefevre", "sophie.lefevre@example.org", "Sophie LEFÈVRE"));
    }

    @Test
    void anActivationLinkExpiresAfterTwentyFourHoursAndOffersANewOne() {
        signUpUntilActivationMail("dangelo", "helene.dangelo@example.org", "2017-01173", "dangelo");
        String expired = linkTokenSentTo("helene.dangelo@example.org", "activation");

        CLOCK.advance(Duration.ofHours(24).plusSeconds(1));
        assertRefused(browser().post("/api/accounts/activation", Map.of("token", expired)),
                      400, "ACTIVATION_LINK_EXPIRED");

        int mailsBefore = mailsTo("helene.dangelo@example.org");
        browser().post("/api/accounts/activation/renewal", Map.of("token", expired)).expectStatus().isAccepted();
        eventually(() -> mailsTo("helene.dangelo@example.org") > mailsBefore ? Optional.of(true) : Optional.empty(),
                   "a new activation e-mail");
        String renewed = linkTokenSentTo("helene.dangelo@example.org", "activation");
        assertThat(renewed).isNotEqualTo(expired);
        browser().post("/api/accounts/activation", Map.of("token", renewed)).expectStatus().isOk();
        loggedIn("DAngelo", PASSWORD);
    }

    @Test
    void anActivationLinkWorksOnlyOnce() {
        signUpUntilActivationMail("celine.bernard", "celine.bernard@example.org", "2016-00137", "Bernard");
        String token = linkTokenSentTo("celine.bernard@example.org", "activation");

        browser().post("/api/accounts/activation", Map.of("token", token)).expectStatus().isOk();

        assertRefused(browser().post("/api/accounts/activation", Map.of("token", token)), 409, "ACTIVATION_LINK_USED");
        assertRefused(browser().post("/api/accounts/activation", Map.of("token", "x".repeat(43))), 400, "LINK_INVALID");
    }

    @Test
    void aWrongDossierPairNeverSaysWhichHalfWasWrong() {
        Browser browser = browser();
        browser.post("/api/registration", Map.of("username", "fatima.thomas", "password", PASSWORD,
                                                 "email", "fatima.thomas@example.org")).expectStatus().isCreated();

        String wrongName = browser.post("/api/registration/dossier",
                        Map.of("dossierNumber", "2018-00211", "dossierName", "MARTIN"))
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
        String wrongNumber = browser.post("/api/registration/dossier",
                        Map.of("dossierNumber", "2099-99999", "dossierName", "THOMAS"))
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();

        assertThat(wrongName).isEqualTo(wrongNumber).contains("DOSSIER_PAIR_MISMATCH");
        browser.post("/api/registration/dossier", Map.of("dossierNumber", " 2018-00211 ", "dossierName", " thomas "))
                .expectStatus().isOk();
    }

    @Test
    void aUsernameIsTakenWhateverItsCase() {
        browser().post("/api/registration", Map.of("username", "Dupont", "password", PASSWORD,
                                                   "email", "aurelie.dupont@example.org")).expectStatus().isCreated();

        assertRefused(browser().post("/api/registration", Map.of("username", "DUPONT", "password", PASSWORD,
                                                                 "email", "jean.dupont@example.net")),
                      409, "USERNAME_TAKEN");
        assertRefused(browser().post("/api/registration", Map.of("username", STAFF_USERNAME.toUpperCase(),
                                                                 "password", PASSWORD, "email", "x@example.net")),
                      409, "USERNAME_TAKEN");
    }

    @Test
    void concurrentSignUpsOfOneUsernameInDifferentCasesLetExactlyOneThrough() throws Exception {
        List<String> variants = List.of("Moreau.Famille", "moreau.famille", "MOREAU.FAMILLE", "Moreau.FAMILLE",
                                        "moreau.Famille", "MOREAU.famille");
        ExecutorService pool = Executors.newFixedThreadPool(variants.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (String username : variants) {
            Browser browser = browser();
            browser.get("/api/session").expectStatus().isOk();
            answers.add(pool.submit(() -> {
                start.await();
                return browser.post("/api/registration", Map.of("username", username, "password", PASSWORD,
                                                                "email", "emilie.moreau@example.org"))
                        .expectBody(String.class).returnResult().getStatus().value();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
    }

    @Test
    void aWeakPasswordOrAMalformedFieldIsRefusedWithItsReason() {
        assertRefused(browser().post("/api/registration", Map.of("username", "court", "password", "soleil2026",
                                                                 "email", "a@example.org")), 400, "PASSWORD_TOO_SHORT");
        assertRefused(browser().post("/api/registration", Map.of("username", "commun", "password", "motdepasse123",
                                                                 "email", "a@example.org")),
                      400, "PASSWORD_TOO_COMMON");
        assertRefused(browser().post("/api/registration", Map.of("username", "sans espace?", "password", PASSWORD,
                                                                 "email", "a@example.org")), 400, "USERNAME_INVALID");
        assertRefused(browser().post("/api/registration", Map.of("username", "adresse", "password", PASSWORD,
                                                                 "email", "pas-une-adresse")), 400, "EMAIL_INVALID");
        assertRefused(browser().post("/api/registration", Map.of("username", "vide")), 400, "FIELD_MISSING");
        assertRefused(browser().post("/api/registration", "pas du JSON"), 400, "JSON_INVALID");
    }

    @Test
    void aUsernameIsKeptComposedAndInOneAlphabet() {
        assertRefused(browser().post("/api/registration", Map.of("username", "s\u043ephie.l", "password", PASSWORD,
                                                                 "email", "a@example.org")), 400, "USERNAME_INVALID");
        assertRefused(browser().post("/api/registration", Map.of("username", "\u017fophie.l", "password", PASSWORD,
                                                                 "email", "a@example.org")), 400, "USERNAME_INVALID");
        browser().post("/api/registration", Map.of("username", "bobbye\u0301", "password", PASSWORD,
                                                   "email", "bobby@example.org"))
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.username").isEqualTo("bobby\u00e9");
        assertRefused(browser().post("/api/registration", Map.of("username", "bobby\u00e9", "password", PASSWORD,
                                                                 "email", "autre@example.org")),
                      409, "USERNAME_TAKEN");
        browser().post("/api/registration", Map.of("username", "\u0441\u043e\u0444\u0438\u044f", "password",
                                                   PASSWORD, "email", "sofia@example.org"))
                .expectStatus().isCreated();
    }

    @Test
    void loginIsRefusedBeforeActivation() {
        signUpUntilActivationMail("isabelle.leroy", "isabelle.leroy@example.org", "2023-00396", "leroy");

        assertRefused(browser().post("/api/session", Map.of("username", "isabelle.leroy", "password", PASSWORD)),
                      403, "ACCOUNT_NOT_ACTIVATED");
        assertRefused(browser().post("/api/session", Map.of("username", "isabelle.leroy",
                                                            "password", "faux " + PASSWORD)),
                      401, "LOGIN_FAILED");
    }

    @Test
    void guessedPasswordsAreSlowedThenRefusedForAWhileWithoutTellingWhetherTheUsernameExists() {
        activatedParent("julie.bertrand", "julie.bertrand@example.org", "2022-00692", "Bertrand");
        Map<String, String> wrong = Map.of("username", "julie.bertrand", "password", "pas le bon mot de passe");
        Map<String, String> unknown = Map.of("username", "personne.inconnue", "password", "pas le bon mot de passe");

        for (int attempt = 1; attempt <= 3; attempt++) {
            String known = browser().post("/api/session", wrong).expectStatus().isUnauthorized()
                    .expectBody(String.class).returnResult().getResponseBody();
            String none = browser().post("/api/session", unknown).expectStatus().isUnauthorized()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(known).isEqualTo(none).contains("LOGIN_FAILED");
        }
        long started = System.nanoTime();
        assertRefused(browser().post("/api/session", wrong), 401, "LOGIN_FAILED");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertRefused(browser().post("/api/session", wrong), 401, "LOGIN_FAILED");
        assertRefused(browser().post("/api/session", unknown), 401, "LOGIN_FAILED");
        assertRefused(browser().post("/api/session", unknown), 401, "LOGIN_FAILED");

        Map<String, String> right = Map.of("username", "julie.bertrand", "password", PASSWORD);
        String blocked = browser().post("/api/session", right).expectStatus().isEqualTo(429)
                .expectBody(String.class).returnResult().getResponseBody();
        String blockedUnknown = browser().post("/api/session", unknown).expectStatus().isEqualTo(429)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(blocked).isEqualTo(blockedUnknown).contains("LOGIN_TEMPORARILY_BLOCKED");

        CLOCK.advance(Duration.ofMinutes(31));
        browser().post("/api/session", right).expectStatus().isOk();
    }

    @Test
    void guessesSentAllAtOnceAreCountedAtOnceSoThatNoMoreAreChecked() throws Exception {
        activatedParent("stephane.bertrand", "stephane.bertrand@example.net", "2022-00692", "Bertrand");
        Map<String, String> wrong = Map.of("username", "stephane.bertrand", "password", "pas le bon mot de passe");
        ExecutorService guessers = Executors.newFixedThreadPool(12);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int guess = 0; guess < 12; guess++) {
            answers.add(guessers.submit(() -> browser().post("/api/session", wrong)
                    .returnResult(String.class).getStatus().value()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        guessers.shutdown();

        assertThat(statuses).containsOnly(401, 429);
        assertThat(statuses.stream().filter(status -> status == 401)).hasSize(5);
    }

    @Test
    void aPasswordThatIsNotValidTextIsRefusedNotFailedOn() {
        // JSON escapes for half a surrogate pair: valid JSON, but no valid text.
        assertRefused(browser().post("/api/session", """
                {"username": "personne", "password": "abcdefghijkl\\ud800"}"""), 401, "LOGIN_FAILED");
        assertRefused(browser().post("/api/registration", """
                {"username": "texte.invalide", "email": "texte.invalide@example.org",
                 "password": "un mot de passe \\udfff assez long"}"""), 400, "PASSWORD_INVALID_CHARACTERS");
    }

    @Test
    void aForgottenPasswordIsResetThroughALinkThatWorksOnce() {
        Browser oldSession = activatedParent("leila.bonnet", "leila.bonnet@example.org", "2023-01062", "bonnet");

        browser().post("/api/accounts/password-reset", Map.of("username", "Leila.Bonnet")).expectStatus().isAccepted();
        browser().post("/api/accounts/password-reset", Map.of("username", "nobody-here")).expectStatus().isAccepted();
        String token = linkTokenSentTo("leila.bonnet@example.org", "reinitialisation");
        String newPassword = "une girafe mange des cerises";

        assertRefused(browser().post("/api/accounts/password-reset/confirmation",
                                     Map.of("token", token, "password", "123456789012")), 400, "PASSWORD_TOO_COMMON");
        browser().post("/api/accounts/password-reset/confirmation", Map.of("token", token, "password", newPassword))
                .expectStatus().isOk();

        assertRefused(browser().post("/api/accounts/password-reset/confirmation",
                                     Map.of("token", token, "password", "encore un autre mot de passe")),
                      409, "RESET_LINK_USED");
        assertRefused(oldSession.get("/api/account"), 401, "AUTHENTICATION_REQUIRED");
        assertRefused(browser().post("/api/session", Map.of("username", "leila.bonnet", "password", PASSWORD)),
                      401, "LOGIN_FAILED");
        loggedIn("leila.bonnet", newPassword);
        eventually(() -> mailTo("leila.bonnet@example.org", "vient d'être changé"),
                   "the notice of a changed password");
    }

    @Test
    void eachGuardianOfADossierHasAnAccountOfHisOrHerOwn() {
        Browser mother = activatedParent("fatima.martin", "fatima.martin@example.org", "2015-00100", "Martin");
        Browser father = activatedParent("jerome.martin", "jerome.martin@example.net", "2015-00100", "MARTIN");

        eventually(() -> father.get("/api/family/dossiers/2015-00100").expectStatus().isOk().expectBody()
                .jsonPath("$.history[?(@.eventType == 'AccountLinkedEvent')].author")
                .value(authors -> assertThat(authors.toString()).contains("account:fatima.martin",
                                                                          "account:jerome.martin")));
        mother.get("/api/family/dossiers/2015-00100").expectStatus().isOk();
        eventually(() -> father.get("/api/account").expectStatus().isOk().expectBody()
                .jsonPath("$.username").isEqualTo("jerome.martin")
                .jsonPath("$.status").isEqualTo("ACTIVE"));
    }

    @Test
    void aGuardianWithoutAnEmailInTheDossierGivesOneAndAnotherAddressIsRefused() {
        activatedParent("nicolas.lefevre", "nicolas.perso@example.net", "2018-00544", "Lefèvre");
        eventually(() -> browser().get("/api/session").expectStatus().isOk());

        Browser stranger = browser();
        stranger.post("/api/registration", Map.of("username", "intrus", "password", PASSWORD,
                                                  "email", "intrus@example.net")).expectStatus().isCreated();
        assertRefused(stranger.post("/api/registration/dossier",
                                    Map.of("dossierNumber", "2021-01321", "dossierName", "Nguyen")),
                      400, "EMAIL_NOT_IN_DOSSIER");
    }

    @Test
    void aParentChangesPhonesInAnyFormatAndTheyAreStoredInE164() {
        Browser parent = activatedParent("nathalie.richard", "nathalie.richard@example.org", "2020-00285", "richard");

        parent.put("/api/family/dossiers/2020-00285/phones",
                   Map.of("mobilePhone", "06.19.66.48.06", "homePhone", "04 67 41 00 19")).expectStatus().isNoContent();
        assertRefused(parent.put("/api/family/dossiers/2020-00285/phones",
                                 Map.of("mobilePhone", "12", "homePhone", "04 67 41 00 19")),
                      400, "PHONE_INVALID");
        parent.put("/api/family/dossiers/2020-00285/phones", Map.of("mobilePhone", "06.19.66.48.06"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("FIELD_MISSING")
                .jsonPath("$.message").value(message -> assertThat((String) message).contains("« homePhone »"));
        assertRefused(parent.put("/api/family/dossiers/2020-00285/phones",
                                 Map.of("mobilePhone", "\t", "homePhone", "04 67 41 00 19")),
                      400, "PHONE_INVALID");
        parent.put("/api/family/dossiers/2020-00285/phones", Map.of("mobilePhone", "\u202e0781", "homePhone", ""))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("PHONE_INVALID")
                .jsonPath("$.message").value(message -> assertThat((String) message)
                        .contains("« 0781 » contient un caractère invisible").doesNotContain("\u202e"));

        eventually(() -> parent.get("/api/family/dossiers/2020-00285").expectStatus().isOk().expectBody()
                .jsonPath("$.guardians[0].mobilePhone").isEqualTo("+33619664806")
                .jsonPath("$.guardians[0].homePhone").isEqualTo("+33467410019")
                .jsonPath("$.guardians[1].mobilePhone").isEqualTo("+33622022354")
                .jsonPath("$.history[?(@.eventType == 'GuardianPhonesChangedEvent')].author")
                .isEqualTo("account:nathalie.richard"));

        dossierImport.importFile(read("demo/dossiers-saint-just.csv"), "import");
        eventually(() -> parent.get("/api/family/dossiers/2020-00285").expectStatus().isOk().expectBody()
                .jsonPath("$.guardians[0].mobilePhone").isEqualTo("+33619664806"));
    }

    @Test
    void everyPhoneNumberOfTheTownsExportIsStoredInE164() {
        Browser staff = staff();
        String[] numbers = {"2015-00100", "2016-00137", "2017-00174", "2018-00211", "2019-00248", "2020-00285",
                            "2022-00359", "2023-00396", "2019-01247", "2021-01321", "2016-01469", "2019-00914"};

        for (String number : numbers) {
            eventually(() -> staff.get("/api/staff/dossiers/" + number).expectStatus().isOk().expectBody()
                    .jsonPath("$.guardians[*].mobilePhone").value(phones -> assertThat(phones.toString())
                            .matches("\\[(\"\\+33[1-9][0-9]{8}\",?)*\\]")));
        }
    }

    @Test
    void aParentChoosesHowInvoicesAreSent() {
        Browser parent = activatedParent("emilie.robert", "emilie.robert@example.net", "2019-00248", "robert");

        parent.put("/api/family/dossiers/2019-00248/invoice-delivery-mode", Map.of("invoiceDeliveryMode", "EMAIL"))
                .expectStatus().isNoContent();
        assertRefused(parent.put("/api/family/dossiers/2019-00248/invoice-delivery-mode",
                                 Map.of("invoiceDeliveryMode", "PIGEON")), 400, "INVOICE_MODE_INVALID");

        eventually(() -> parent.get("/api/family/dossiers/2019-00248").expectStatus().isOk().expectBody()
                .jsonPath("$.invoiceDeliveryMode").isEqualTo("EMAIL")
                .jsonPath("$.history[-1].description").isEqualTo("Factures envoyées par e-mail"));
    }

    @Test
    void staffReadEachChangeOfTheDossierInFrenchWords() {
        Browser parent = activatedParent("nicolas.lambert", "nicolas.lambert@example.net", "2022-01025", "Lambert");
        parent.put("/api/family/dossiers/2022-01025/phones", Map.of("mobilePhone", "06 58 52 85 43", "homePhone", ""))
                .expectStatus().isNoContent();
        parent.put("/api/family/dossiers/2022-01025/invoice-delivery-mode", Map.of("invoiceDeliveryMode", "PAPER"))
                .expectStatus().isNoContent();

        Browser staff = staff();
        eventually(() -> staff.get("/api/staff/dossiers/2022-01025").expectStatus().isOk().expectBody()
                .jsonPath("$.history[*].description").isEqualTo(List.of(
                        "Dossier enregistré", "Compte « nicolas.lambert » rattaché au dossier",
                        "Téléphones modifiés", "Factures envoyées par courrier")));
    }

    @Test
    void logoutEndsTheSessionAndAnIdleSessionEndsByItself() {
        Browser parent = activatedParent("sophie.garcia", "sophie.garcia@example.org", "2020-00618", "GARCIA");
        eventually(() -> parent.get("/api/account").expectStatus().isOk().expectBody()
                .jsonPath("$.username").isEqualTo("sophie.garcia"));

        parent.post("/api/session/logout", Map.of()).expectStatus().isNoContent();
        assertRefused(parent.get("/api/account"), 401, "AUTHENTICATION_REQUIRED");

        Browser again = loggedIn("sophie.garcia", PASSWORD);
        CLOCK.advance(Duration.ofMinutes(31));
        assertRefused(again.get("/api/account"), 401, "AUTHENTICATION_REQUIRED");
    }

    @Test
    void loginOpensANewSessionAndChangesOfPasswordEndTheOthers() {
        Browser parent = activatedParent("aurelie.david", "aurelie.david@example.org", "2021-00655", "David");
        Browser otherDevice = loggedIn("aurelie.david", PASSWORD);
        String newPassword = "le train de seize heures douze";

        assertRefused(parent.post("/api/account/password", Map.of("currentPassword", "faux mot de passe ici",
                                                                  "newPassword", newPassword)), 401, "LOGIN_FAILED");
        parent.post("/api/account/password", Map.of("currentPassword", PASSWORD, "newPassword", newPassword))
                .expectStatus().isOk();

        eventually(() -> parent.get("/api/account").expectStatus().isOk().expectBody()
                .jsonPath("$.username").isEqualTo("aurelie.david"));
        assertRefused(otherDevice.get("/api/account"), 401, "AUTHENTICATION_REQUIRED");
        parent.post("/api/account/email", Map.of("password", newPassword, "email", "aurelie.nouvelle@example.org"))
                .expectStatus().isOk();
        eventually(() -> parent.get("/api/account").expectStatus().isOk().expectBody()
                .jsonPath("$.email").isEqualTo("aurelie.nouvelle@example.org"));
        eventually(() -> mailTo("aurelie.david@example.org", "aurelie.nouvelle@example.org"),
                   "the notice to the old address");
    }

    @Test
    void aRequestWithoutTheCsrfTokenIsRefused() {
        Browser parent = activatedParent("celine.petit", "celine.petit@example.org", "2021-00322", "petit");

        ResponseSpec forged = parent.crossSite().put().uri("/api/family/dossiers/2021-00322/phones")
                .header(HttpHeaders.CONTENT_TYPE, "application/json")
                .bodyValue(Map.of("mobilePhone", "0612345678"))
                .exchange();

        assertRefused(forged, 403, "CSRF_TOKEN_INVALID");
    }
}
