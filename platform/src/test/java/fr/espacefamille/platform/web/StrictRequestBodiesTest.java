package fr.espacefamille.platform.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.espacefamille.events.ErrorResponse;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.codec.json.Jackson2JsonDecoder;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The strict reading of request bodies, and the answers to what it refuses; the shared mapper stays lenient. */
class StrictRequestBodiesTest {

    record Request(String reason, LocalDate day, List<LocalDate> days, Boolean accepted, Integer count,
                   Set<DayOfWeek> weekdays) {
    }

    private final ObjectMapper shared = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final Jackson2JsonDecoder decoder =
            new StrictRequestBodies.StrictDecoder(StrictRequestBodies.strict(shared));

    @Test
    void aWellFormedRequestIsReadAsItIs() {
        Request request = (Request) read("""
                {"reason": "grève", "day": "2026-10-08", "days": ["2026-10-09"], "accepted": true, "count": 2,
                 "weekdays": ["MONDAY"]}""");

        assertThat(request).isEqualTo(new Request("grève", LocalDate.of(2026, 10, 8),
                                                  List.of(LocalDate.of(2026, 10, 9)), true, 2,
                                                  Set.of(DayOfWeek.MONDAY)));
    }

    @Test
    void aCodeOfTheApiReadsInAnyCase() {
        assertThat(((Request) read("{\"weekdays\": [\"monday\", \"Friday\"]}")).weekdays())
                .containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    }

    @Test
    void anEmptyDayIsADayLeftOut() {
        assertThat(((Request) read("{\"day\": \"\"}")).day()).isNull();
    }

    @Test
    void noScalarIsCoercedIntoAnother() {
        assertRefused("{\"reason\": 42}", "FIELD_TYPE_INVALID", "Le champ « reason » doit être un texte.");
        assertRefused("{\"reason\": 4.2}", "FIELD_TYPE_INVALID", "Le champ « reason » doit être un texte.");
        assertRefused("{\"reason\": true}", "FIELD_TYPE_INVALID", "Le champ « reason » doit être un texte.");
        assertRefused("{\"reason\": [\"grève\"]}", "FIELD_TYPE_INVALID", "Le champ « reason » doit être un texte.");
        assertRefused("{\"reason\": {}}", "FIELD_TYPE_INVALID", "Le champ « reason » doit être un texte.");
        assertRefused("{\"accepted\": \"true\"}", "FIELD_TYPE_INVALID",
                      "Le champ « accepted » doit être vrai ou faux (true ou false).");
        assertRefused("{\"accepted\": 1}", "FIELD_TYPE_INVALID",
                      "Le champ « accepted » doit être vrai ou faux (true ou false).");
        assertRefused("{\"count\": \"2\"}", "FIELD_TYPE_INVALID", "Le champ « count » doit être un nombre.");
        assertRefused("{\"count\": 2.5}", "FIELD_TYPE_INVALID", "Le champ « count » doit être un nombre.");
        assertRefused("{\"weekdays\": [0]}", "FIELD_TYPE_INVALID",
                      "Chaque élément du champ « weekdays » doit être l'une de ces valeurs : "
                              + "MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY.");
        assertRefused("{\"weekdays\": [\"LUNDI\"]}", "FIELD_TYPE_INVALID", null);
    }

    @Test
    void aDayIsADayWrittenAsTheApiWritesIt() {
        String day = "Le champ « day » doit être une date écrite AAAA-MM-JJ, par exemple 2026-09-01.";
        assertRefused("{\"day\": [2026, 10, 8]}", "FIELD_TYPE_INVALID", day);
        assertRefused("{\"day\": 20734}", "FIELD_TYPE_INVALID", day);
        assertRefused("{\"day\": \"2026-10-08T10:00:00\"}", "FIELD_TYPE_INVALID", day);
        assertRefused("{\"day\": \"2026-10-08T00:00:00Z\"}", "FIELD_TYPE_INVALID", day);
        assertRefused("{\"day\": \"2026-13-01\"}", "FIELD_TYPE_INVALID", day);
        assertRefused("{\"day\": \" 2026-10-08\"}", "FIELD_TYPE_INVALID", day);
        assertRefused("{\"days\": [\"2026-10-08\", 3]}", "FIELD_TYPE_INVALID", "Chaque élément du champ « days » "
                + "doit être une date écrite AAAA-MM-JJ, par exemple 2026-09-01.");
    }

    @Test
    void aListIsAList() {
        assertRefused("{\"days\": \"2026-10-08\"}", "FIELD_TYPE_INVALID", "Le champ « days » doit être une liste.");
        assertRefused("{\"days\": \"\"}", "FIELD_TYPE_INVALID", "Le champ « days » doit être une liste.");
    }

    @Test
    void anUnknownFieldIsNamed() {
        assertRefused("{\"reason\": \"grève\", \"raison\": \"grève\"}", "FIELD_UNKNOWN",
                      "La demande contient un champ inconnu : « raison ». Vérifiez son nom.");
    }

    @Test
    void oneJsonObjectWithEachKeyOnceAndNothingAfter() {
        assertRefused("{\"reason\": \"grève\"} {}", "JSON_INVALID",
                      "La demande est mal formée : elle doit contenir un seul objet JSON, sans rien après.");
        assertRefused("{\"reason\": \"grève\"} x", "JSON_INVALID",
                      "La demande est mal formée : son contenu n'est pas du JSON valide.");
        assertRefused("{\"reason\": \"grève\"}]", "JSON_INVALID", null);
        assertRefused("{\"reason\": \"grève\", \"reason\": \"fête\"}", "JSON_INVALID",
                      "La demande est mal formée : le champ « reason » y figure deux fois.");
        assertRefused("[{\"reason\": \"grève\"}]", "JSON_INVALID", null);
        assertRefused("{\"reason\": ", "JSON_INVALID", null);
        assertRefused("{\"reason\": \"grè", "JSON_INVALID",
                      "La demande est mal formée : son contenu n'est pas du JSON valide.");
        assertRefused("{\"reason\": \"grève\"", "JSON_INVALID", null);
        assertRefused("{\"count\": 4", "JSON_INVALID", null);
        assertRefused("pas du JSON", "JSON_INVALID", null);
        assertRefused("null", "JSON_INVALID",
                      "La demande est mal formée : elle doit contenir un seul objet JSON, sans rien après.");
        assertRefused(" null ", "JSON_INVALID", null);
    }

    @Test
    void aBodyIsUtf8AsTheStandardWritesIt() {
        byte[] overlongSlash = {'{', '"', 'r', 'e', 'a', 's', 'o', 'n', '"', ':', '"', (byte) 0xC0, (byte) 0xAF,
                                '"', '}'};
        byte[] latin1 = "{\"reason\": \"grève\"}".getBytes(StandardCharsets.ISO_8859_1);
        String notJson = "La demande est mal formée : son contenu n'est pas du JSON valide.";

        assertRefused(overlongSlash, "JSON_INVALID", notJson);
        assertRefused(latin1, "JSON_INVALID", notJson);
        assertThat(((Request) read("{\"reason\": \"grève 🎉\"}")).reason()).isEqualTo("grève 🎉");
    }

    @Test
    void theSharedMapperStillReadsLeniently() throws Exception {
        StrictRequestBodies.strict(shared);

        Request request = shared.readValue("{\"reason\": 42, \"unknown\": 1, \"day\": [2026, 10, 8]}", Request.class);

        assertThat(request.reason()).isEqualTo("42");
        assertThat(request.day()).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    private Object read(String json) {
        return decode(json).block();
    }

    private Mono<Object> decode(byte[] json) {
        DataBuffer buffer = DefaultDataBufferFactory.sharedInstance.wrap(json);
        return decoder.decodeToMono(Mono.just(buffer), ResolvableType.forClass(Request.class),
                                    MediaType.APPLICATION_JSON, Map.of());
    }

    private Mono<Object> decode(String json) {
        return decode(json.getBytes(StandardCharsets.UTF_8));
    }

    private void assertRefused(String json, String code, String message) {
        assertRefused(json.getBytes(StandardCharsets.UTF_8), code, message);
    }

    private void assertRefused(byte[] body, String code, String message) {
        String json = new String(body, StandardCharsets.ISO_8859_1);
        Throwable failure = decode(body).<Throwable>then(Mono.empty()).onErrorResume(Mono::just).block();
        assertThat(failure).as(json).isNotNull();

        ErrorResponse answer = ApiErrorHandler.answerFor(failure).body();

        assertThat(answer.code()).as(json).isEqualTo(code);
        if (message != null) {
            assertThat(answer.message()).as(json).isEqualTo(message);
        }
    }
}
