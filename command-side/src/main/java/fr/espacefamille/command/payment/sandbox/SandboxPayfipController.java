package fr.espacefamille.command.payment.sandbox;

import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.planning.PaymentStatus;
import org.bson.Document;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.util.Locale;

/**
 * The sandbox's payment page, where a payer of the embedded portal picks what the bank does:
 * pay, refuse the card, or give up. Served by the command side under {@code /payfip-sandbox/}.
 */
@RestController
@ConditionalOnProperty(name = "espace-famille.payment.provider", havingValue = "sandbox", matchIfMissing = true)
class SandboxPayfipController {

    private final SandboxPayfip sandbox;

    SandboxPayfipController(SandboxPayfip sandbox) {
        this.sandbox = sandbox;
    }

    @GetMapping(value = SandboxPayfip.PAGE, produces = MediaType.TEXT_HTML_VALUE)
    Mono<String> page(@RequestParam("idop") String operationId) {
        return Mono.fromCallable(() -> page(sandbox.find(operationId))).subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping(value = SandboxPayfip.PAGE, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<Void>> decide(ServerWebExchange exchange) {
        return exchange.getFormData().publishOn(Schedulers.boundedElastic()).map(form -> {
            String operationId = form.getFirst("idop");
            PaymentStatus status = switch (String.valueOf(form.getFirst("choix"))) {
                case "payer" -> PaymentStatus.PAID;
                case "refuser" -> PaymentStatus.REFUSED;
                case "abandonner" -> PaymentStatus.ABANDONED;
                default -> throw RefusedException.invalid("CHOICE_INVALID",
                        "Choisissez « Payer », « Carte refusée » ou « Abandonner ».");
            };
            Document operation = sandbox.decide(operationId, status);
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create(withOperation(operation.getString("returnUrl"), operationId)))
                    .build();
        });
    }

    private static String withOperation(String returnUrl, String operationId) {
        return returnUrl + (returnUrl.contains("?") ? "&" : "?") + "idop=" + operationId;
    }

    /** How the page says an operation ended. */
    private static String ended(String status) {
        return switch (status) {
            case "PAID" -> "paiement accepté";
            case "REFUSED" -> "carte refusée";
            case "ABANDONED" -> "paiement abandonné";
            default -> "paiement clos";
        };
    }

    private static String page(Document operation) {
        String amount = String.format(Locale.FRANCE, "%,.2f €", operation.getLong("amountCents") / 100.0);
        boolean pending = PaymentStatus.PENDING.name().equals(operation.getString("status"));
        String id = HtmlUtils.htmlEscape(operation.getString("_id"));
        String form = pending ? """
                <form method="post" action="%s" class="actions">
                  <input type="hidden" name="idop" value="%s">
                  <button name="choix" value="payer">Payer (carte acceptée)</button>
                  <button name="choix" value="refuser" class="button-secondary">Carte refusée</button>
                  <button name="choix" value="abandonner" class="button-secondary">Abandonner et revenir</button>
                </form>""".formatted(SandboxPayfip.PAGE, id)
                : "<p class=\"notice\">Cette opération est terminée : " + ended(operation.getString("status"))
                  + ".</p>";
        return """
                <!doctype html><html lang="fr"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Paiement – bac à sable PayFiP</title><link rel="stylesheet" href="/app.css"></head>
                <body><main class="container"><section class="card" aria-labelledby="titre">
                <p class="demo"><strong>Bac à sable :</strong> cette page imite le paiement en ligne PayFiP
                de la DGFiP. Aucun argent n'est débité.</p>
                <h1 id="titre">Paiement sécurisé</h1>
                <dl class="facts"><dt>Objet</dt><dd>%s</dd><dt>Référence</dt><dd>%s</dd>
                <dt>Montant</dt><dd><strong>%s</strong></dd><dt>Opération</dt><dd><code>%s</code></dd></dl>
                %s
                </section></main></body></html>
                """.formatted(HtmlUtils.htmlEscape(String.valueOf(operation.getString("description"))),
                              HtmlUtils.htmlEscape(String.valueOf(operation.getString("reference"))),
                              amount, id, form);
    }
}
