package fr.espacefamille.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.espacefamille.events.ErrorResponse;
import fr.espacefamille.events.RefusedException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.CodecException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Answers every failed API request ({@code /api/...}), and every failed request of a client that
 * does not ask for an HTML page, with a stable code and a French message, on both sides,
 * whatever failed: a refused command or query, a malformed request, an unknown address, a body
 * too large.
 *
 * <p>A refusal is a 4xx. Only a failure of our own (a bug, the database gone) is a 5xx, and its
 * message says so without details; the cause is logged. Runs before Spring Boot's own error
 * handler, which shows the French error page of the status to a browser asking for a page
 * outside the API; a refusal gives that page its 4xx status.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiErrorHandler implements WebExceptionHandler {

    private static final Logger logger = LoggerFactory.getLogger(ApiErrorHandler.class);

    private final ObjectMapper objectMapper;

    public ApiErrorHandler(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        if (!isApi(exchange.getRequest().getPath().value()) && acceptsHtml(exchange)) {
            // A page: Spring Boot's error handling shows the French error page of the status,
            // which a refusal gives (a payment page for an unknown operation is a 404, not a 500).
            Answer refusal = refusalIn(failure);
            return Mono.error(refusal == null ? failure
                                              : new ResponseStatusException(refusal.status(), refusal.body().message(),
                                                                            failure));
        }
        Answer answer = answerFor(failure);
        response.setStatusCode(answer.status());
        if (failure instanceof ResponseStatusException status) {
            // A 405's Allow header, which names the methods the address takes.
            response.getHeaders().addAll(status.getHeaders());
        }
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return response.writeWith(Mono.fromCallable(() -> body(response, answer.body())));
    }

    private static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static boolean acceptsHtml(ServerWebExchange exchange) {
        return exchange.getRequest().getHeaders().getAccept().stream()
                .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }

    /** The answer to a failure: the refusal found inside it, or what its kind says. */
    static Answer answerFor(Throwable failure) {
        Answer refusal = refusalIn(failure);
        if (refusal != null) {
            return refusal;
        }
        logger.error("Request failed on an unexpected error", failure);
        return new Answer(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                          "Une erreur inattendue est survenue. Merci de réessayer plus tard.");
    }

    /** The refusal a failure carries, or {@code null} for an unexpected error. */
    private static Answer refusalIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Answer answer = answerForOne(cause);
            if (answer != null) {
                return answer;
            }
        }
        return null;
    }

    private static Answer answerForOne(Throwable cause) {
        if (cause instanceof RefusedException refused) {
            return new Answer(statusOf(refused.kind()), refused.code(), refused.getMessage());
        }
        if (cause instanceof HandlerExecutionException execution
                && execution.getDetails().orElse(null) instanceof RefusedException refused) {
            return answerForOne(refused);
        }
        if (cause instanceof DateTimeException || cause instanceof PortalDates.OutOfRange) {
            // A day or month out of the portal's years, or so far from ours that the calendar's
            // arithmetic overflows (+999999999-12): no rule of the portal can be about it.
            return dateOutOfRange();
        }
        if (cause instanceof ConcurrencyException) {
            return new Answer(HttpStatus.CONFLICT, "CONCURRENT_CHANGE",
                              "Une autre modification est arrivée en même temps. Merci de réessayer.");
        }
        if (cause instanceof AggregateNotFoundException) {
            return new Answer(HttpStatus.NOT_FOUND, "NOT_FOUND", "Cet élément n'existe pas.");
        }
        if (cause instanceof DataBufferLimitException) {
            return new Answer(HttpStatus.PAYLOAD_TOO_LARGE, "CONTENT_TOO_LARGE",
                              "Le fichier ou la demande est trop volumineux.");
        }
        if (cause instanceof ServerWebInputException || cause instanceof CodecException) {
            if (hasCause(cause, PortalDates.OutOfRange.class)) {
                return dateOutOfRange();
            }
            if (isMisspelledDateInAddress(cause)) {
                return new Answer(HttpStatus.BAD_REQUEST, "DATE_INVALID", "L'adresse contient une date mal écrite : "
                        + "un jour s'écrit AAAA-MM-JJ (2026-09-01), un mois AAAA-MM (2026-09).");
            }
            Answer body = BodyRefusals.answerFor(cause);
            return body != null ? body
                                : new Answer(HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
                                             "La demande est incomplète ou mal formée.");
        }
        if (cause instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
            return answerForStatus(status.getStatusCode());
        }
        return null;
    }

    private static Answer dateOutOfRange() {
        return new Answer(HttpStatus.BAD_REQUEST, "DATE_OUT_OF_RANGE", "Cette date est trop éloignée : le portail "
                + "connaît les années " + PortalDates.FIRST_YEAR + " à " + PortalDates.LAST_YEAR + ".");
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** A day or month of the address ({@code /headcounts/2026-02-30}) that is none. */
    private static boolean isMisspelledDateInAddress(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TypeMismatchException mismatch && (mismatch.getRequiredType() == LocalDate.class
                                                                    || mismatch.getRequiredType() == YearMonth.class)) {
                return true;
            }
        }
        return false;
    }

    private static Answer answerForStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> new Answer(status, "NOT_FOUND", "Cette adresse n'existe pas.");
            case 405 -> new Answer(status, "METHOD_NOT_ALLOWED", "Cette action n'est pas possible à cette adresse.");
            case 406 -> new Answer(status, "NOT_ACCEPTABLE", "Ce format de réponse n'est pas disponible ici.");
            case 413 -> new Answer(status, "CONTENT_TOO_LARGE", "Le fichier ou la demande est trop volumineux.");
            case 415 -> new Answer(status, "UNSUPPORTED_MEDIA_TYPE", "Ce type de contenu n'est pas accepté ici.");
            default -> new Answer(status, "INVALID_REQUEST", "La demande n'a pas pu être traitée.");
        };
    }

    private static HttpStatus statusOf(RefusedException.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
        };
    }

    private DataBuffer body(ServerHttpResponse response, ErrorResponse body) throws JsonProcessingException {
        return response.bufferFactory().wrap(objectMapper.writeValueAsBytes(body));
    }

    /** A status and the body that goes with it. */
    record Answer(HttpStatusCode status, ErrorResponse body) {

        Answer(HttpStatusCode status, String code, String message) {
            this(status, new ErrorResponse(code, message));
        }
    }
}
