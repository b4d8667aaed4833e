package fr.espacefamille.platform.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.espacefamille.events.ErrorResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.io.UncheckedIOException;

/**
 * The answers of the security layer, in the API's form: a stable code and a French message.
 * A refused dossier reads the same whether it exists or not.
 */
class JsonRefusals {

    private final ObjectMapper objectMapper;

    JsonRefusals(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    ServerAuthenticationEntryPoint authenticationRequired() {
        return (exchange, failure) -> write(exchange, HttpStatus.UNAUTHORIZED, "AUTHENTICATION_REQUIRED",
                "Votre session a pris fin ou vous n'êtes pas connecté : connectez-vous pour continuer.");
    }

    ServerAccessDeniedHandler accessDenied() {
        return (exchange, denied) -> {
            String path = exchange.getRequest().getPath().pathWithinApplication().value();
            if (path.startsWith("/api/family/dossiers/")) {
                return write(exchange, HttpStatus.FORBIDDEN, "DOSSIER_NOT_LINKED",
                        "Ce dossier n'est pas rattaché à votre compte.");
            }
            if (path.startsWith("/api/staff/")) {
                return write(exchange, HttpStatus.FORBIDDEN, "STAFF_ONLY",
                        "Cette page est réservée au service famille.");
            }
            return write(exchange, HttpStatus.FORBIDDEN, "ACCESS_DENIED",
                    "Votre compte ne donne pas accès à cette page.");
        };
    }

    ServerAccessDeniedHandler csrfRefused() {
        return (exchange, denied) -> write(exchange, HttpStatus.FORBIDDEN, "CSRF_TOKEN_INVALID",
                "La page a expiré ou la demande ne vient pas de l'Espace Famille. Rechargez la page puis réessayez.");
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String message) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return response.writeWith(Mono.fromCallable(() -> response.bufferFactory().wrap(bytes(code, message))));
    }

    private byte[] bytes(String code, String message) {
        try {
            return objectMapper.writeValueAsBytes(new ErrorResponse(code, message));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
