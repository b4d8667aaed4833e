package fr.espacefamille.launcher.portal;

import org.junit.jupiter.api.Test;

import java.util.Map;

/** Request bodies are read as they are written: a wrong type, an extra field, a key twice are refused. */
class StrictRequestBodiesTest extends PortalTest {

    @Test
    void aSignUpWithAFieldTheFormDoesNotHaveIsRefusedAndCreatesNoAccount() {
        assertRefused(browser().post("/api/registration", Map.of("username", "champ.en.trop", "password", PASSWORD,
                                                                 "email", "champ.en.trop@example.org",
                                                                 "role", "STAFF")),
                      400, "FIELD_UNKNOWN");

        browser().post("/api/registration", Map.of("username", "champ.en.trop", "password", PASSWORD,
                                                   "email", "champ.en.trop@example.org"))
                .expectStatus().isCreated();
    }

    @Test
    void aNumberOrABooleanIsNotText() {
        browser().post("/api/registration", """
                        {"username": 42424242, "password": "%s", "email": "nombre@example.org"}""".formatted(PASSWORD))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("FIELD_TYPE_INVALID")
                .jsonPath("$.message").isEqualTo("Le champ « username » doit être un texte.");
        assertRefused(browser().post("/api/session", """
                {"username": "quelqu.un", "password": true}"""), 400, "FIELD_TYPE_INVALID");
        assertRefused(browser().post("/api/accounts/password-reset", """
                {"username": ["quelqu.un"]}"""), 400, "FIELD_TYPE_INVALID");
    }

    @Test
    void theTermsAreAcceptedByTrueNotByText() {
        Browser browser = browser();
        browser.post("/api/registration", Map.of("username", "cgu.en.texte", "password", PASSWORD,
                                                 "email", "cgu.en.texte@example.org")).expectStatus().isCreated();

        assertRefused(browser.post("/api/registration/validation", """
                {"termsVersion": "2026-09", "termsAccepted": "true"}"""), 400, "FIELD_TYPE_INVALID");
        assertRefused(browser.post("/api/registration/validation", """
                {"termsVersion": "2026-09", "termsAccepted": 1}"""), 400, "FIELD_TYPE_INVALID");
    }

    @Test
    void aKeyTwiceOrSomethingAfterTheObjectIsRefused() {
        assertRefused(browser().post("/api/session", """
                {"username": "quelqu.un", "password": "un", "password": "deux"}"""), 400, "JSON_INVALID");
        assertRefused(browser().post("/api/session", """
                {"username": "quelqu.un", "password": "un"} {"username": "autre"}"""), 400, "JSON_INVALID");
        assertRefused(browser().post("/api/session", """
                {"username": "quelqu.un", "password": "un"}garbage"""), 400, "JSON_INVALID");
    }
}
