package fr.espacefamille.command.payment.sandbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import fr.espacefamille.command.payment.PaymentOrder;
import fr.espacefamille.command.payment.PaymentProperties;
import fr.espacefamille.command.payment.PaymentProvider;
import fr.espacefamille.command.payment.PaymentResult;
import fr.espacefamille.command.payment.PaymentSession;
import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.planning.PaymentStatus;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;

/**
 * An imitation of PayFiP for the embedded default and the tests: it opens operations with an
 * id ({@code idop}), shows a payment page where the payer picks success, refusal or
 * abandonment, then posts an HMAC-signed notification to the portal and answers the result
 * query. Operations live in MongoDB ({@code payfip_sandbox_operations}), so they survive a
 * restart and every node sees them. It moves no money.
 */
public class SandboxPayfip implements PaymentProvider {

    /** The header that carries the notification's signature: hex HMAC-SHA256 of the body. */
    public static final String SIGNATURE_HEADER = "X-PayFiP-Signature";
    static final String PAGE = "/payfip-sandbox/paiement";
    private static final Logger logger = LoggerFactory.getLogger(SandboxPayfip.class);

    private final MongoCollection<Document> operations;
    private final PaymentProperties properties;
    private final Clock clock;
    private final WebClient webClient;
    private final SecureRandom random = new SecureRandom();

    public SandboxPayfip(MongoDatabase database, PaymentProperties properties, Clock clock, WebClient webClient) {
        this.operations = database.getCollection("payfip_sandbox_operations");
        this.properties = properties;
        this.clock = clock;
        this.webClient = webClient;
    }

    @Override
    public PaymentSession start(PaymentOrder order) {
        byte[] id = new byte[10];
        random.nextBytes(id);
        String operationId = HexFormat.of().formatHex(id);
        operations.insertOne(new Document("_id", operationId)
                                     .append("reference", order.reference())
                                     .append("amountCents", order.amountCents())
                                     .append("description", order.description())
                                     .append("notificationUrl", order.notificationUrl())
                                     .append("returnUrl", order.returnUrl())
                                     .append("expiresAt", Date.from(order.expiresAt()))
                                     .append("status", PaymentStatus.PENDING.name()));
        return new PaymentSession(operationId, PAGE + "?idop=" + operationId);
    }

    @Override
    public PaymentResult result(String operationId) {
        Document operation = find(operationId);
        return new PaymentResult(operationId, operation.getString("reference"),
                                 PaymentStatus.valueOf(operation.getString("status")),
                                 operation.getLong("amountCents"), operation.getString("transactionNumber"));
    }

    @Override
    public boolean isAuthentic(String body, String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
                                     signature.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }

    /** The signature the sandbox puts on a notification body. */
    public String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(properties.sandboxSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    Document find(String operationId) {
        Document operation = operations.find(Filters.eq("_id", operationId)).first();
        if (operation == null) {
            throw RefusedException.notFound("PAYMENT_UNKNOWN", "Cette opération de paiement n'existe pas.");
        }
        return operation;
    }

    /**
     * The payer's choice on the payment page. An operation ends once: a second choice changes
     * nothing; past its expiry it can only be abandoned. Notifies the portal afterwards.
     */
    Document decide(String operationId, PaymentStatus choice) {
        Document operation = find(operationId);
        if (PaymentStatus.valueOf(operation.getString("status")) == PaymentStatus.PENDING) {
            boolean expired = !clock.instant().isBefore(operation.getDate("expiresAt").toInstant());
            PaymentStatus status = expired ? PaymentStatus.ABANDONED : choice;
            String transaction = status == PaymentStatus.PAID ? "SANDBOX-" + operationId.substring(0, 8) : null;
            operations.updateOne(Filters.eq("_id", operationId),
                                 Updates.combine(Updates.set("status", status.name()),
                                                 Updates.set("transactionNumber", transaction),
                                                 Updates.set("endedAt", Date.from(clock.instant()))));
            notifyLater(operationId, operation.getString("notificationUrl"));
        }
        return find(operationId);
    }

    /** Posts {@code idop=…} with its signature, as PayFiP does, retrying a few times. */
    private void notifyLater(String operationId, String notificationUrl) {
        String body = "idop=" + operationId;
        webClient.post().uri(notificationUrl)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header(SIGNATURE_HEADER, sign(body))
                .body(BodyInserters.fromValue(body))
                .retrieve()
                .toBodilessEntity()
                .delaySubscription(properties.sandboxNotificationDelay())
                .retryWhen(Retry.backoff(4, Duration.ofMillis(500)))
                .doOnError(failure -> logger.warn("Sandbox notification of [{}] failed: {}", operationId,
                                                  failure.getMessage()))
                .onErrorResume(failure -> Mono.empty())
                .subscribe();
    }
}
