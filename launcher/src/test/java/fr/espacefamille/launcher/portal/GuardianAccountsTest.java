package fr.espacefamille.launcher.portal;

import fr.espacefamille.events.Audit;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Which guardian an account stands for, over HTTP: one account per guardian, the address given, imports. */
class GuardianAccountsTest extends PortalTest {

    @Test
    void aGuardianHasOneAccountAtMostWhateverTheAddressTheTownKnows() {
        activatedParent("helene.dubois", "helene.dubois@example.org", "2017-00174", "Dubois");
        signUpUntilActivationMail("frederic.dubois", "frederic.perso@example.net", "2017-00174", "Dubois");

        assertRefused(registrant("helene.bis", "helene.dubois@example.org").post("/api/registration/dossier",
                              Map.of("dossierNumber", "2017-00174", "dossierName", "dubois")),
                      409, "GUARDIAN_ALREADY_LINKED");
        Browser withoutAddress = registrant("frederic.bis", "frederic.bis@example.net");
        assertRefused(withoutAddress.post("/api/registration/dossier",
                                          Map.of("dossierNumber", "2017-00174", "dossierName", "DUBOIS")),
                      409, "GUARDIAN_ALREADY_LINKED");
        eventually(() -> withoutAddress.get("/api/registration").expectStatus().isOk().expectBody()
                .jsonPath("$.username").isEqualTo("frederic.bis")
                .jsonPath("$.dossierNumbers").isEmpty());

        browser().post("/api/accounts/activation",
                       Map.of("token", linkTokenSentTo("frederic.perso@example.net", "activation")))
                .expectStatus().isOk();
        assertRefused(registrant("frederic.ter", "frederic.perso@example.net").post("/api/registration/dossier",
                              Map.of("dossierNumber", "2017-00174", "dossierName", "Dubois")),
                      409, "GUARDIAN_ALREADY_LINKED");
        Browser staff = staff();
        eventually(() -> staff.get("/api/staff/dossiers/2017-00174").expectStatus().isOk().expectBody()
                .jsonPath("$.history[?(@.eventType == 'AccountLinkedEvent')].author")
                .value(authors -> assertThat(authors.toString())
                        .contains("account:helene.dubois", "account:frederic.dubois")
                        .doesNotContain("helene.bis", "frederic.bis", "frederic.ter")));
    }

    @Test
    void theAddressAGuardianGaveIsRecordedInTheDossierOnceTheAccountIsActivated() {
        signUpUntilActivationMail("sebastien.durand", "sebastien.durand@example.net", "2022-00359", "Durand");
        String token = linkTokenSentTo("sebastien.durand@example.net", "activation");
        Browser staff = staff();
        eventually(() -> staff.get("/api/staff/dossiers/2022-00359").expectStatus().isOk().expectBody()
                .jsonPath("$.history[?(@.eventType == 'AccountLinkedEvent')]").exists()
                .jsonPath("$.guardians[1].email").doesNotExist());

        browser().post("/api/accounts/activation", Map.of("token", token)).expectStatus().isOk();

        eventually(() -> staff.get("/api/staff/dossiers/2022-00359").expectStatus().isOk().expectBody()
                .jsonPath("$.guardians[1].firstName").isEqualTo("Sébastien")
                .jsonPath("$.guardians[1].email").isEqualTo("sebastien.durand@example.net")
                .jsonPath("$.history[?(@.eventType == 'GuardianEmailGivenEvent')].author")
                .isEqualTo("account:sebastien.durand")
                .jsonPath("$.history[?(@.eventType == 'GuardianEmailGivenEvent')].timestamp").exists());
        dossierImport.importFile(read("demo/dossiers-saint-just.csv"), Audit.IMPORT);
        staff.get("/api/staff/dossiers/2022-00359").expectStatus().isOk().expectBody()
                .jsonPath("$.guardians[1].email").isEqualTo("sebastien.durand@example.net");
    }

    @Test
    void theSignUpSessionEndsAtActivationAndCanLinkNoOtherDossier() {
        Browser signUp = signUpUntilActivationMail("fatima.roux", "fatima.roux@example.org", "2023-00729", "Roux");
        browser().post("/api/accounts/activation",
                       Map.of("token", linkTokenSentTo("fatima.roux@example.org", "activation")))
                .expectStatus().isOk();

        assertRefused(signUp.post("/api/registration/dossier",
                                  Map.of("dossierNumber", "2019-00581", "dossierName", "Michel")),
                      401, "AUTHENTICATION_REQUIRED");
        assertRefused(signUp.get("/api/registration"), 401, "AUTHENTICATION_REQUIRED");
        signUp.get("/api/session").expectStatus().isOk().expectBody().jsonPath("$.authenticated").isEqualTo(false);

        loggedIn("fatima.roux", PASSWORD).get("/api/session").expectStatus().isOk().expectBody()
                .jsonPath("$.role").isEqualTo("PARENT")
                .jsonPath("$.dossierNumbers").isEqualTo(List.of("2023-00729"));
        staff().get("/api/staff/dossiers/2019-00581").expectStatus().isOk().expectBody()
                .jsonPath("$.history[?(@.eventType == 'AccountLinkedEvent')]").isEmpty();
    }

    @Test
    void aGuardianAnImportNoLongerListsLosesTheDossierEvenInAnOpenSession() {
        Browser nicolas = activatedParent("nicolas.girard", "nicolas.girard@example.net", "2018-00877", "Girard");
        Browser sophie = activatedParent("sophie.girard", "sophie.girard@example.org", "2018-00877", "Girard");
        eventually(() -> nicolas.get("/api/family/dossiers/2018-00877").expectStatus().isOk());
        eventually(() -> nicolas.get("/api/family/dossiers/2018-00877/planning").expectStatus().isOk());

        dossierImport.importFile(girardWithoutSecondGuardian(), Audit.IMPORT);

        eventually(() -> assertRefused(nicolas.get("/api/family/dossiers/2018-00877"), 403, "DOSSIER_NOT_LINKED"));
        assertRefused(nicolas.get("/api/family/dossiers/2018-00877/planning"), 403, "DOSSIER_NOT_LINKED");
        assertRefused(nicolas.get("/api/family/dossiers/2018-00877/documents/x"), 403, "DOSSIER_NOT_LINKED");
        assertRefused(nicolas.put("/api/family/dossiers/2018-00877/phones", Map.of("mobilePhone", "0612345678")),
                      403, "DOSSIER_NOT_LINKED");
        nicolas.get("/api/family/dossiers").expectStatus().isOk().expectBody().jsonPath("$").isEmpty();
        nicolas.get("/api/session").expectStatus().isOk().expectBody().jsonPath("$.dossierNumbers").isEmpty();
        eventually(() -> sophie.get("/api/family/dossiers/2018-00877").expectStatus().isOk().expectBody()
                .jsonPath("$.guardians.length()").isEqualTo(1)
                .jsonPath("$.history[?(@.eventType == 'AccountUnlinkedEvent')].description")
                .value(descriptions -> assertThat(descriptions.toString()).contains("nicolas.girard")));
        eventually(() -> loggedIn("nicolas.girard", PASSWORD).get("/api/session").expectStatus().isOk()
                .expectBody().jsonPath("$.dossierNumbers").isEmpty());
    }

    /** A browser past the sign-up's first step, with its sign-up session. */
    private Browser registrant(String username, String email) {
        Browser browser = browser();
        browser.post("/api/registration", Map.of("username", username, "password", PASSWORD, "email", email))
                .expectStatus().isCreated();
        return browser;
    }

    /** The GIRARD dossier of the town's export, without its second guardian. */
    private static byte[] girardWithoutSecondGuardian() {
        List<String> lines = new String(read("demo/dossiers-saint-just.csv"), StandardCharsets.UTF_8).lines().toList();
        String girard = lines.stream().skip(1).filter(line -> line.startsWith("2018-00877;"))
                .map(GuardianAccountsTest::withoutSecondGuardian)
                .collect(Collectors.joining("\r\n"));
        return (lines.get(0) + "\r\n" + girard + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String withoutSecondGuardian(String line) {
        String[] columns = line.split(";", -1);
        Arrays.fill(columns, 11, 17, "");
        return String.join(";", columns);
    }
}
