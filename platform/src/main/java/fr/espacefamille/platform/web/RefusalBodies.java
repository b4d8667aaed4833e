package fr.espacefamille.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.espacefamille.events.ErrorResponse;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The bodies of the refusals written below Spring's error handling (the security firewall,
 * the HTTP decoder): the API's JSON, or the web client's French error page for everything else.
 */
public final class RefusalBodies {

    /** The web client's page for a refused request, when the web client is on the classpath. */
    private static final String CLIENT_ERROR_PAGE = "META-INF/resources/error/4xx.html";
    private static final String FALLBACK_PAGE = """
            <!doctype html>
            <html lang="fr">
            <head><meta charset="utf-8"><title>Demande impossible – Espace Famille</title></head>
            <body><main><h1>Cette demande ne peut pas aboutir</h1>
            <p>L'adresse ou la demande est incorrecte.</p><p><a href="/">Retour à l'accueil</a></p></main></body>
            </html>
            """;

    private final ObjectMapper objectMapper;
    private final byte[] page;

    public RefusalBodies(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        this.page = clientErrorPage();
    }

    /** Whether the path is the API's, which answers in JSON; also for a path written {@code //api/…}. */
    public static boolean isApi(String rawPath) {
        String path = rawPath.replaceFirst("^/+", "/");
        return path.equals("/api") || path.startsWith("/api/") || path.startsWith("/api;");
    }

    public byte[] json(String code, String message) {
        try {
            return objectMapper.writeValueAsBytes(new ErrorResponse(code, message));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] page() {
        return page.clone();
    }

    private static byte[] clientErrorPage() {
        ClassPathResource resource = new ClassPathResource(CLIENT_ERROR_PAGE);
        if (!resource.exists()) {
            return FALLBACK_PAGE.getBytes(StandardCharsets.UTF_8);
        }
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
