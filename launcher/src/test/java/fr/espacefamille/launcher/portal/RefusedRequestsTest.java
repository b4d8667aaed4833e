package fr.espacefamille.launcher.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that the firewall or the HTTP decoder refuse before any controller: sent byte for
 * byte, as a client that encodes nothing would send them, and answered like every other
 * refusal, in JSON for the API and with the French error page for pages.
 */
class RefusedRequestsTest extends PortalTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anApiAddressTheFirewallRefusesIsAnsweredWithACodeAndAFrenchMessage() throws IOException {
        List<String> paths = List.of("/api/family/dossiers/2015-00100;jsessionid=x",
                                     "/api/family/dossiers/2015%2F00100",
                                     "/api/session%00", "//api/session", "/api/family//dossiers",
                                     "/api/family/dossiers/%2e%2e/2016-00470", "/api/session%5C");

        for (String path : paths) {
            Answer answer = send("GET " + path + " HTTP/1.1", "");
            assertThat(answer.status()).as(path).isEqualTo(400);
            answer.assertRefusal(path, "REQUEST_REJECTED");
        }
    }

    @Test
    void aMethodTheFirewallRefusesIsAnsweredAsAMethodNotAllowed() throws IOException {
        for (String method : List.of("TRACE", "CONNECT", "BREW")) {
            Answer answer = send(method + " /api/session HTTP/1.1", "");
            assertThat(answer.status()).as(method).isEqualTo(405);
            answer.assertRefusal(method, "METHOD_NOT_ALLOWED");
            assertThat(answer.headers()).as(method).contains("allow: ").contains("get");
        }
        Answer page = send("TRACE /index.html HTTP/1.1", "");
        assertThat(page.status()).isEqualTo(405);
        page.assertFrenchPage("TRACE on a page");
    }

    @Test
    void anApiAddressThatIsNoValidUriIsAnsweredWithACodeAndAFrenchMessage() throws IOException {
        for (String path : List.of("/api/session?q=%zz", "/api/family/dossiers/%", "/api/public/{x}")) {
            Answer answer = send("GET " + path + " HTTP/1.1", "");
            assertThat(answer.status()).as(path).isEqualTo(400);
            answer.assertRefusal(path, "INVALID_REQUEST");
        }
    }

    @Test
    void anAddressOrHeadersTooLongAreAnsweredLikeEveryRefusal() throws IOException {
        Answer longLine = send("GET /api/session?q=" + "a".repeat(9_000) + " HTTP/1.1", "");
        assertThat(longLine.status()).isEqualTo(414);
        longLine.assertRefusal("a long address", "URI_TOO_LONG");

        Answer largeHeaders = send("GET /api/session HTTP/1.1", "X-Large: " + "b".repeat(17_000) + "\r\n");
        assertThat(largeHeaders.status()).isEqualTo(431);
        largeHeaders.assertRefusal("large headers", "HEADERS_TOO_LARGE");

        Answer largePageHeaders = send("GET /index.html HTTP/1.1", "X-Large: " + "b".repeat(17_000) + "\r\n");
        assertThat(largePageHeaders.status()).isEqualTo(431);
        largePageHeaders.assertFrenchPage("large headers of a page");
    }

    @Test
    void aPageAddressRefusedBeforeAnyControllerGetsTheFrenchErrorPage() throws IOException {
        for (String path : List.of("/index.html;x=1", "//index.html", "/mon-dossier.html%00", "/page%")) {
            Answer answer = send("GET " + path + " HTTP/1.1", "");
            assertThat(answer.status()).as(path).isEqualTo(400);
            answer.assertFrenchPage(path);
        }
    }

    @Test
    void theLimitsLeaveRoomForOrdinaryRequests() throws IOException {
        Answer answer = send("GET /api/terms?q=" + "a".repeat(4_000) + " HTTP/1.1",
                             "X-Ordinary: " + "b".repeat(8_000) + "\r\n");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"version\"");
    }

    /** Sends one request as raw bytes and reads the whole answer; the server closes the connection. */
    private Answer send(String requestLine, String headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: 127.0.0.1\r\nAccept: */*\r\n" + headers + "Connection: close\r\n\r\n")
                              .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return Answer.parse(readAll(socket.getInputStream()));
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A raw HTTP answer. */
    private record Answer(int status, String headers, String body) {

        static Answer parse(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            String head = end < 0 ? raw : raw.substring(0, end);
            String body = end < 0 ? "" : raw.substring(end + 4);
            return new Answer(Integer.parseInt(head.split(" ", 3)[1]), head.toLowerCase(), body);
        }

        void assertRefusal(String what, String code) throws IOException {
            assertThat(headers).as(what).contains("content-type: application/json");
            JsonNode refusal = JSON.readTree(body);
            assertThat(refusal.path("code").asText()).as(what).isEqualTo(code);
            assertThat(refusal.path("message").asText()).as(what).isNotBlank().matches(".*[a-zéèà].*");
        }

        void assertFrenchPage(String what) {
            assertThat(headers).as(what).contains("content-type: text/html");
            assertThat(body).as(what).contains("<html lang=\"fr\"", "Cette demande ne peut pas aboutir");
        }
    }
}
