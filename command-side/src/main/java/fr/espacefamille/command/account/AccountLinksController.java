package fr.espacefamille.command.account;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Map;

/**
 * The pages that e-mail links open send their token here. Tokens travel in the body, never in
 * an address, so that no log or Referer header keeps them.
 */
@RestController
@RequestMapping("/api/accounts")
class AccountLinksController {

    private static final String RESET_SENT = "Si un compte activé porte cet identifiant, un e-mail vient de "
            + "lui être envoyé avec un lien pour choisir un nouveau mot de passe. Le lien est valable 24 heures.";

    private final AccountLinks links;

    AccountLinksController(AccountLinks links) {
        this.links = links;
    }

    record TokenForm(String token) {
    }

    record ResetRequestForm(String username) {
    }

    record NewPasswordForm(String token, String password) {
    }

    @PostMapping("/activation")
    Mono<Map<String, String>> activate(@RequestBody TokenForm form) {
        return blocking(() -> links.activate(Inputs.required(form.token(), "le lien")),
                        "Votre compte est activé. Vous pouvez vous connecter.");
    }

    @PostMapping("/activation/renewal")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Map<String, String>> renewActivation(@RequestBody TokenForm form) {
        return blocking(() -> links.renewActivation(Inputs.required(form.token(), "le lien")),
                        "Un nouveau lien d'activation vient de vous être envoyé par e-mail. "
                                + "Il est valable 24 heures.");
    }

    @PostMapping("/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Map<String, String>> requestReset(@RequestBody ResetRequestForm form, ServerWebExchange exchange) {
        String username = Inputs.required(form.username(), "votre identifiant");
        String address = BrowserSessions.address(exchange);
        return blocking(() -> links.requestReset(username, address), RESET_SENT);
    }

    @PostMapping("/password-reset/confirmation")
    Mono<Map<String, String>> resetPassword(@RequestBody NewPasswordForm form) {
        return blocking(() -> links.resetPassword(Inputs.required(form.token(), "le lien"), form.password()),
                        "Votre mot de passe est changé. Connectez-vous avec le nouveau.");
    }

    private static Mono<Map<String, String>> blocking(Runnable work, String message) {
        return Mono.fromRunnable(work).subscribeOn(Schedulers.boundedElastic()).thenReturn(Map.of("message", message));
    }
}
