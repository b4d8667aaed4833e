package fr.espacefamille.launcher.portal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The web client in a real browser at a phone's width (375 px): forms, Mon dossier, a dossier's staff history. */
class PhonePagesTest extends PortalTest {

    /** For each field id, whether it is marked invalid and the texts its aria-describedby names. */
    private static final String FIELD_STATES = """
            ids => Object.fromEntries(ids.map(id => {
              const field = document.getElementById(id);
              const described = (field.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean);
              return [id, { invalid: field.getAttribute('aria-invalid'),
                            described: described.map(d => document.getElementById(d)?.textContent.trim() ?? '') }];
            }))""";
    /** The words of the Mon dossier tables that the layout cuts across two lines. */
    private static final String BROKEN_WORDS = """
            (() => {
              const broken = [];
              for (const cell of document.querySelectorAll('#enfants td, #historique td')) {
                const texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                for (let node = texts.nextNode(); node; node = texts.nextNode()) {
                  for (const word of node.data.matchAll(/\\S+/g)) {
                    const range = document.createRange();
                    range.setStart(node, word.index);
                    range.setEnd(node, word.index + word[0].length);
                    const rects = [...range.getClientRects()].filter(r => r.width > 0);
                    const lines = new Set(rects.map(r => Math.round(r.top)));
                    if (lines.size > 1) {
                      broken.push(word[0]);
                    }
                  }
                }
              }
              return broken;
            })()""";

    private static HeadlessChromium phone;

    @BeforeAll
    static void openPhone() {
        if (HeadlessChromium.isInstalled()) {
            phone = HeadlessChromium.phone(375, 812);
        }
    }

    /** Each test, not the class, is skipped without Chromium, so that the skip shows in the counts. */
    @BeforeEach
    void needsChromium() {
        assumeTrue(phone != null, "Chromium is not installed at " + HeadlessChromium.BINARY);
    }

    @AfterAll
    static void closePhone() {
        if (phone != null) {
            phone.close();
        }
    }

    @Test
    void theFieldsARefusalIsAboutAreMarkedForScreenReadersWithTheFrenchReason() {
        phone.open(url("/inscription.html"));

        phone.evaluate("document.getElementById('form-compte').requestSubmit()");
        phone.waitUntil("document.getElementById('email').getAttribute('aria-invalid') === 'true'");
        JsonNode empty = fieldStates("username", "password", "email");
        for (String field : new String[] {"username", "password", "email"}) {
            assertThat(empty.at("/" + field + "/invalid").asText()).as(field).isEqualTo("true");
            assertThat(empty.at("/" + field + "/described/0").asText()).as(field).isEqualTo("Ce champ est à remplir.");
        }
        assertThat(empty.at("/password/described/1").asText()).startsWith("Au moins 12 caractères");

        phone.evaluate("""
                document.getElementById('username').value = 'sans espace?';
                document.getElementById('password').value = %s;
                document.getElementById('email').value = 'sans.espace@example.org';
                document.getElementById('form-compte').requestSubmit();"""
                               .formatted(HeadlessChromium.quoted(PASSWORD)));
        phone.waitUntil("document.getElementById('message').textContent.includes('identifiant')");
        JsonNode refused = fieldStates("username", "password", "email");
        assertThat(refused.at("/username/invalid").asText()).isEqualTo("true");
        assertThat(refused.at("/username/described/0").asText())
                .startsWith("L'identifiant doit compter de 3 à 64 caractères");
        assertThat(refused.at("/password/invalid").isNull()).as("the password was right").isTrue();
        assertThat(refused.at("/password/described").toString()).doesNotContain("Ce champ");
        assertThat(refused.at("/email/invalid").isNull()).isTrue();
    }

    @Test
    void monDossierOffersEachDossierOfTheAccountAndItsTablesReadWithoutCutWords() {
        Browser signUp = browser();
        signUp.post("/api/registration", Map.of("username", "parent.deux.dossiers", "password", PASSWORD,
                                                "email", "famille.recomposee@example.net")).expectStatus().isCreated();
        signUp.post("/api/registration/dossier", Map.of("dossierNumber", "2015-01099", "dossierName", "François"))
                .expectStatus().isOk();
        signUp.post("/api/registration/dossier", Map.of("dossierNumber", "2020-01284", "dossierName", "Ben Salah"))
                .expectStatus().isOk();
        signUp.post("/api/registration/validation", Map.of("termsVersion", "2026-09", "termsAccepted", true))
                .expectStatus().isAccepted();
        browser().post("/api/accounts/activation",
                       Map.of("token", linkTokenSentTo("famille.recomposee@example.net", "activation")))
                .expectStatus().isOk();
        Browser parent = loggedIn("parent.deux.dossiers", PASSWORD);
        eventually(() -> parent.get("/api/family/dossiers").expectStatus().isOk().expectBody()
                .jsonPath("$[*].dossierNumber").isEqualTo(List.of("2015-01099", "2020-01284")));

        logIn("parent.deux.dossiers", PASSWORD);
        phone.open(url("/mon-dossier.html"));
        phone.waitUntil("document.querySelectorAll('#historique tr').length > 1");

        assertThat(phone.evaluate("document.getElementById('dossier-titre').textContent").asText())
                .contains("2015-01099", "FRANÇOIS");
        assertThat(phone.evaluate("document.getElementById('choix-dossier').hidden").asBoolean()).isFalse();
        JsonNode choices = phone.evaluate("[...document.querySelectorAll('#dossiers a')].map(a => a.textContent)");
        assertThat(choices.toString()).contains("2015-01099", "2020-01284");
        assertReadableOnThePhone();

        phone.evaluate("document.querySelector('#dossiers a[href$=\"2020-01284\"]').click()");
        phone.waitUntil("document.getElementById('dossier-titre').textContent.includes('2020-01284')"
                                + " && document.querySelectorAll('#historique tr').length > 1");
        assertThat(phone.evaluate("document.getElementById('dossier-titre').textContent").asText())
                .contains("BEN SALAH");
        assertThat(phone.evaluate("document.querySelector('#dossiers a[aria-current=page]').textContent").asText())
                .contains("2020-01284");
        assertReadableOnThePhone();
    }

    @Test
    void theBackOfficeTellsADossiersHistoryInFrenchAndNeverByTheEventsNames() {
        Browser parent = activatedParent("isabelle.laurent", "isabelle.laurent@example.org", "2017-00507", "Laurent");
        parent.put("/api/family/dossiers/2017-00507/phones", Map.of("mobilePhone", "06 78 88 00 02", "homePhone", ""))
                .expectStatus().isNoContent();
        Browser staff = staff();
        eventually(() -> staff.get("/api/staff/dossiers/2017-00507").expectStatus().isOk().expectBody()
                .jsonPath("$.history.length()").isEqualTo(3));

        logIn(STAFF_USERNAME, STAFF_PASSWORD);
        phone.open(url("/staff/index.html"));
        phone.waitUntil("document.querySelector('#dossiers-body a[href=\"#2017-00507\"]')");
        phone.evaluate("document.querySelector('#dossiers-body a[href=\"#2017-00507\"]').click()");
        phone.waitUntil("document.querySelectorAll('#dossier-body > ul:last-of-type li').length === 3");

        List<String> history = new ArrayList<>();
        phone.evaluate("[...document.querySelectorAll('#dossier-body > ul:last-of-type li')].map(li => li.textContent)")
                .forEach(entry -> history.add(entry.asText()));
        assertThat(history.get(0)).contains("Dossier enregistré par l'import du logiciel famille");
        assertThat(history.get(1))
                .contains("Compte « isabelle.laurent » rattaché au dossier (account:isabelle.laurent)");
        assertThat(history.get(2)).contains("Téléphones modifiés (account:isabelle.laurent)");
        assertThat(history).allSatisfy(entry -> assertThat(entry).doesNotContainPattern("[A-Z]\\w*Event\\b"));
    }

    /** Opens a session in the phone's browser, as the login form does. */
    private void logIn(String username, String password) {
        phone.open(url("/index.html"));
        phone.evaluate("import('/api.js').then(api => api.postJson('/api/session', { username: "
                               + HeadlessChromium.quoted(username) + ", password: " + HeadlessChromium.quoted(password)
                               + " })).then(() => true)");
    }

    private void assertReadableOnThePhone() {
        assertThat(phone.evaluate(BROKEN_WORDS)).as("words cut in the middle").isEmpty();
        assertThat(phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth").asBoolean())
                .as("the page fits the phone's width").isTrue();
        assertThat(phone.evaluate("[...document.querySelectorAll('.table-wrap')]"
                                          + ".every(wrap => wrap.scrollWidth <= wrap.clientWidth)").asBoolean())
                .as("no table is wider than its frame").isTrue();
    }

    private JsonNode fieldStates(String... ids) {
        return phone.evaluate("(" + FIELD_STATES + ")(" + HeadlessChromium.quoted(String.join(",", ids))
                                      + ".split(','))");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
