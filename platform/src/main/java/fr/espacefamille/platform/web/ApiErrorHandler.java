package fr.espacefamille.platform.web;

import fr.espacefamille.events.ErrorResponse;
import fr.espacefamille.events.RefusedException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

import java.util.concurrent.CompletionException;

/**
 * Turns every refusal into a 4xx answer with a stable code and a French message, on both sides.
 *
 * <p>Only a failure of our own (a bug, the database gone) is a 5xx, and its message says so
 * without details; the cause is logged.
 */
@RestControllerAdvice
public class ApiErrorHandler {

    private static final Logger logger = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(RefusedException.class)
    public ResponseEntity<ErrorResponse> refused(RefusedException e) {
        return answer(statusOf(e.kind()), e.code(), e.getMessage());
    }

    @ExceptionHandler({CompletionException.class, CommandExecutionException.class})
    public ResponseEntity<ErrorResponse> unwrap(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof RefusedException refused) {
            return refused(refused);
        }
        if (e instanceof CommandExecutionException execution
                && execution.getDetails().orElse(null) instanceof RefusedException refused) {
            return refused(refused);
        }
        if (cause instanceof ConcurrencyException) {
            return concurrentChange();
        }
        if (cause instanceof AggregateNotFoundException) {
            return answer(HttpStatus.NOT_FOUND, "NOT_FOUND", "Cet élément n'existe pas.");
        }
        return unexpected(cause instanceof Exception inner ? inner : e);
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ResponseEntity<ErrorResponse> concurrentChange() {
        return answer(HttpStatus.CONFLICT, "CONCURRENT_CHANGE",
                      "Une autre modification est arrivée en même temps. Merci de réessayer.");
    }

    @ExceptionHandler({ServerWebInputException.class, DecodingException.class})
    public ResponseEntity<ErrorResponse> unreadable(Exception e) {
        return answer(HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
                      "La demande est incomplète ou mal formée.");
    }

    @ExceptionHandler(UnsupportedMediaTypeStatusException.class)
    public ResponseEntity<ErrorResponse> unsupportedMediaType() {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                      "Ce type de contenu n'est pas accepté ici.");
    }

    @ExceptionHandler(MethodNotAllowedException.class)
    public ResponseEntity<ErrorResponse> methodNotAllowed() {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                      "Cette action n'est pas possible à cette adresse.");
    }

    @ExceptionHandler(ResponseStatusException.class)
    public ResponseEntity<ErrorResponse> status(ResponseStatusException e) {
        if (e.getStatusCode().value() == 404) {
            return answer(HttpStatus.NOT_FOUND, "NOT_FOUND", "Cette page n'existe pas.");
        }
        if (e.getStatusCode().is4xxClientError()) {
            return answer(HttpStatus.valueOf(e.getStatusCode().value()), "INVALID_REQUEST",
                          "La demande n'a pas pu être traitée.");
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ErrorResponse> unexpected(Exception e) {
        logger.error("Request failed on an unexpected error", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                      "Une erreur inattendue est survenue. Merci de réessayer plus tard.");
    }

    private static HttpStatus statusOf(RefusedException.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    }

    private static ResponseEntity<ErrorResponse> answer(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(new ErrorResponse(code, message));
    }
}
