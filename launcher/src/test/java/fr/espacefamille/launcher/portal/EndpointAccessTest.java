package fr.espacefamille.launcher.portal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Object-level access, endpoint by endpoint: every API endpoint that the running portal maps
 * is called with another family's dossier, by a parent, by a visitor and so on, and must be
 * refused. An endpoint added later is tried without being named here, so an unprotected one
 * fails this test.
 */
class EndpointAccessTest extends PortalTest {

    private static final String OWN_DOSSIER = "2015-00433";
    private static final String OTHER_FAMILY = "2016-00470";
    private static final Pattern FAMILY_DOSSIER = Pattern.compile("^/api/family/dossiers/\\{[^}/]+}(/.*)?$");
    /** Reached without a session: login, the sign-up's first step, the e-mail links, the terms. */
    private static final Set<String> OPEN_TO_ALL = Set.of(
            "GET /api/session", "POST /api/session", "POST /api/session/logout", "POST /api/registration",
            "POST /api/accounts/activation", "POST /api/accounts/activation/renewal",
            "POST /api/accounts/password-reset", "POST /api/accounts/password-reset/confirmation",
            "GET /api/terms", "POST /api/callbacks/payfip/notifications");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private static Browser parent;

    @BeforeEach
    void parentOfAnotherFamily() {
        if (parent == null) {
            parent = activatedParent("emilie.moreau", "emilie.moreau@example.org", OWN_DOSSIER, "Moreau");
        }
    }

    @Test
    void everyFamilyDossierEndpointRefusesAnotherFamilysDossier() {
        List<Endpoint> endpoints = endpoints().stream().filter(Endpoint::isFamilyDossier).toList();
        assertThat(endpoints).extracting(Endpoint::toString).contains(
                "GET /api/family/dossiers/{dossierNumber}", "PUT /api/family/dossiers/{dossierNumber}/phones");

        for (Endpoint endpoint : endpoints) {
            String path = endpoint.concretePath(OTHER_FAMILY);
            assertThat(status(parent, endpoint.method(), path)).as(endpoint + " as another family").isIn(403, 404);
            assertThat(code(parent, endpoint.method(), path)).as(endpoint.toString())
                    .isIn("DOSSIER_NOT_LINKED", "NOT_FOUND");
            assertThat(status(staff(), endpoint.method(), path)).as(endpoint + " as staff").isIn(403, 404);
            assertThat(status(browser(), endpoint.method(), path)).as(endpoint + " as a visitor").isEqualTo(401);
        }
    }

    @Test
    void everyFamilyEndpointLivesUnderADossierOrIsTheListOfTheAccountsDossiers() {
        List<String> elsewhere = endpoints().stream()
                .filter(endpoint -> endpoint.path().startsWith("/api/family/"))
                .filter(endpoint -> !endpoint.isFamilyDossier())
                .map(Endpoint::toString)
                .filter(endpoint -> !endpoint.equals("GET /api/family/dossiers"))
                .toList();

        assertThat(elsewhere).as("family endpoints must live under /api/family/dossiers/{dossierNumber}/").isEmpty();
    }

    @Test
    void everyStaffEndpointRefusesParentsAndVisitors() {
        List<Endpoint> endpoints = endpoints().stream().filter(e -> e.path().startsWith("/api/staff/")).toList();
        assertThat(endpoints).extracting(Endpoint::toString).contains(
                "POST /api/staff/dossiers/import", "GET /api/staff/dossiers", "GET /api/staff/console/processors");

        for (Endpoint endpoint : endpoints) {
            String path = endpoint.concretePath(OWN_DOSSIER);
            assertThat(status(parent, endpoint.method(), path)).as(endpoint + " as a parent").isEqualTo(403);
            assertThat(code(parent, endpoint.method(), path)).as(endpoint.toString()).isEqualTo("STAFF_ONLY");
            assertThat(status(browser(), endpoint.method(), path)).as(endpoint + " as a visitor").isEqualTo(401);
        }
    }

    @Test
    void everyOtherApiEndpointNeedsASessionUnlessItIsMeantForEveryone() {
        for (Endpoint endpoint : endpoints()) {
            if (OPEN_TO_ALL.contains(endpoint.toString())) {
                continue;
            }
            assertThat(status(browser(), endpoint.method(), endpoint.concretePath(OWN_DOSSIER)))
                    .as(endpoint + " without a session").isEqualTo(401);
        }
    }

    @Test
    void theSignUpSessionReachesNoDossier() {
        Browser registrant = browser();
        registrant.post("/api/registration", Map.of("username", "nicolas.moreau", "password", PASSWORD,
                                                    "email", "nicolas.moreau@example.net")).expectStatus().isCreated();

        assertThat(status(registrant, HttpMethod.GET, "/api/family/dossiers/" + OWN_DOSSIER)).isEqualTo(403);
        assertThat(status(registrant, HttpMethod.GET, "/api/family/dossiers")).isEqualTo(403);
        assertThat(status(registrant, HttpMethod.GET, "/api/staff/dossiers")).isEqualTo(403);
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                if (!pattern.getPatternString().startsWith("/api/")) {
                    continue;
                }
                if (methods.isEmpty()) {
                    endpoints.add(new Endpoint(HttpMethod.GET, pattern.getPatternString()));
                }
                methods.forEach(method -> endpoints.add(new Endpoint(method.asHttpMethod(),
                                                                     pattern.getPatternString())));
            }
        }
        assertThat(endpoints).as("the portal's endpoints").hasSizeGreaterThan(20);
        return endpoints;
    }

    private static int status(Browser browser, HttpMethod method, String path) {
        return call(browser, method, path).expectBody(String.class).returnResult().getStatus().value();
    }

    private static String code(Browser browser, HttpMethod method, String path) {
        String body = call(browser, method, path).expectBody(String.class).returnResult().getResponseBody();
        var matcher = Pattern.compile("\"code\":\"([A-Z_]+)\"").matcher(body == null ? "" : body);
        return matcher.find() ? matcher.group(1) : body;
    }

    private static WebTestClient.ResponseSpec call(Browser browser, HttpMethod method, String path) {
        return browser.client().method(method).uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange();
    }

    /** One method on one path pattern of the running portal. */
    private record Endpoint(HttpMethod method, String path) {

        boolean isFamilyDossier() {
            return FAMILY_DOSSIER.matcher(path).matches();
        }

        /** The path with this dossier number, and {@code x} for every other variable. */
        String concretePath(String dossierNumber) {
            String concrete = path
                    .replaceFirst("^/api/family/dossiers/\\{[^}/]+}", "/api/family/dossiers/" + dossierNumber)
                    .replaceFirst("^/api/staff/dossiers/\\{[^}/]+}", "/api/staff/dossiers/" + dossierNumber);
            return concrete.replaceAll("\\{\\*?[^}]+}", "x").replace("/**", "/x");
        }

        @Override
        public String toString() {
            return method.name() + " " + path;
        }
    }
}
