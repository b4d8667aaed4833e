package fr.espacefamille.launcher.portal;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ClientRequest;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One browser on the portal: it keeps its cookies, as a browser does, and sends the CSRF
 * token of its {@code XSRF-TOKEN} cookie in the header with every request that changes
 * something, as the web client does.
 */
public final class Browser {

    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    private final WebTestClient client;
    private final WebTestClient crossSite;

    public Browser(int port) {
        this.crossSite = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .filter((request, next) -> next.exchange(ClientRequest.from(request)
                        .cookie("EF_SESSION", cookies.getOrDefault("EF_SESSION", "")).build()))
                .build();
        this.client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .filter((request, next) -> next.exchange(withCookies(request)).doOnNext(response ->
                        response.cookies().forEach((name, values) -> values.forEach(cookie -> {
                            if (cookie.getMaxAge().isZero()) {
                                cookies.remove(name);
                            } else {
                                cookies.put(name, cookie.getValue());
                            }
                        }))))
                .build();
    }

    /** Another browser tab on another node of the portal, with this one's cookies: the split deployment. */
    public Browser withSameCookiesAt(int port) {
        Browser other = new Browser(port);
        other.cookies.putAll(cookies);
        return other;
    }

    public WebTestClient.ResponseSpec get(String path) {
        return client.get().uri(path).exchange();
    }

    public WebTestClient.ResponseSpec post(String path, Object body) {
        ensureCsrfCookie();
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    public WebTestClient.ResponseSpec put(String path, Object body) {
        ensureCsrfCookie();
        return client.put().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    public WebTestClient client() {
        ensureCsrfCookie();
        return client;
    }

    /** The same session cookie, but neither the CSRF cookie nor its header: a page of another site. */
    public WebTestClient crossSite() {
        return crossSite;
    }

    private void ensureCsrfCookie() {
        if (!cookies.containsKey("XSRF-TOKEN")) {
            get("/api/session").expectStatus().isOk();
        }
    }

    private ClientRequest withCookies(ClientRequest request) {
        return ClientRequest.from(request)
                .cookies(jar -> cookies.forEach(jar::set))
                .headers(headers -> {
                    String csrf = cookies.get("XSRF-TOKEN");
                    if (csrf != null) {
                        headers.set("X-XSRF-TOKEN", csrf);
                    }
                })
                .build();
    }
}
