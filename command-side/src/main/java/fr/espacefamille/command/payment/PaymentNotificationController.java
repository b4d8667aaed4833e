package fr.espacefamille.command.payment;

import fr.espacefamille.command.planning.BookingDesk;
import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.planning.BasketStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The payment provider's notification that an operation ended. Public, since the provider calls
 * it, and trusted only when signed; even then the result is asked from the provider rather than
 * read from the notification. A notification received twice changes nothing the second time.
 */
@RestController
class PaymentNotificationController {

    private static final Logger logger = LoggerFactory.getLogger(PaymentNotificationController.class);
    private static final String SIGNATURE_HEADER = "X-PayFiP-Signature";

    private final PaymentProvider payments;
    private final BookingDesk desk;

    PaymentNotificationController(PaymentProvider payments, BookingDesk desk) {
        this.payments = payments;
        this.desk = desk;
    }

    /** Reads the body as it came, since the signature covers its exact bytes. */
    @PostMapping(value = "/api/callbacks/payfip/notifications", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Map<String, BasketStatus>> notification(ServerHttpRequest request,
                                                 @RequestHeader(value = SIGNATURE_HEADER, required = false)
                                                 String signature) {
        return DataBufferUtils.join(request.getBody())
                .map(buffer -> {
                    try {
                        return buffer.toString(StandardCharsets.UTF_8);
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty("")
                .publishOn(Schedulers.boundedElastic())
                .map(body -> Map.of("status", record(body, signature)));
    }

    private BasketStatus record(String body, String signature) {
        if (!payments.isAuthentic(body, signature)) {
            logger.warn("Payment notification refused: missing or wrong signature");
            throw RefusedException.forbidden("INVALID_SIGNATURE",
                    "Cette notification n'est pas signée par le prestataire.");
        }
        String operationId = UriComponentsBuilder.newInstance().query(body).build().getQueryParams().getFirst("idop");
        if (operationId == null || operationId.isBlank()) {
            throw RefusedException.invalid("INVALID_REQUEST", "La notification ne nomme pas d'opération.");
        }
        return desk.recordPaymentResult(operationId, null);
    }
}
