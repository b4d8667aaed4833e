package fr.espacefamille.command.account;

import fr.espacefamille.events.account.AccountIds;
import fr.espacefamille.events.account.ChangeEmailCommand;
import fr.espacefamille.events.account.ChangePasswordCommand;
import fr.espacefamille.platform.security.Caller;
import fr.espacefamille.platform.security.Role;
import fr.espacefamille.platform.security.SessionAuthentication;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.security.Principal;
import java.util.Map;

/**
 * A logged-in parent changes the password or the e-mail address; both ask for the current
 * password first. A new password ends every other session of the account.
 */
@RestController
@RequestMapping("/api/account")
class AccountController {

    private final Logins logins;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final Credentials credentials;
    private final BrowserSessions sessions;
    private final CommandGateway commandGateway;

    AccountController(Logins logins, PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder,
                      Credentials credentials, BrowserSessions sessions, CommandGateway commandGateway) {
        this.logins = logins;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.credentials = credentials;
        this.sessions = sessions;
        this.commandGateway = commandGateway;
    }

    record PasswordForm(String currentPassword, String newPassword) {
    }

    record EmailForm(String password, String email) {
    }

    @PostMapping("/password")
    Mono<Map<String, String>> changePassword(@RequestBody PasswordForm form, Principal principal,
                                             ServerWebExchange exchange) {
        String address = BrowserSessions.address(exchange);
        return Mono.fromCallable(() -> {
                    String username = principal.getName();
                    logins.checkPassword(username, Inputs.required(form.currentPassword(), "le mot de passe actuel"),
                                         address);
                    passwordPolicy.check(form.newPassword(), username);
                    String hash = passwordEncoder.encode(form.newPassword());
                    send(new ChangePasswordCommand(AccountIds.of(username)), principal);
                    credentials.save(AccountIds.of(username), hash);
                    sessions.renew(exchange, username, Role.PARENT,
                                   ((SessionAuthentication) principal).session().dossierNumbers());
                    return Map.of("message", "Votre mot de passe est changé. Vos autres sessions sont fermées.");
                })
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(SlowedRefusal.class, refusal -> Mono.delay(refusal.delay()).then(Mono.error(refusal)));
    }

    @PostMapping("/email")
    Mono<Map<String, String>> changeEmail(@RequestBody EmailForm form, Principal principal,
                                          ServerWebExchange exchange) {
        String address = BrowserSessions.address(exchange);
        return Mono.fromCallable(() -> {
                    String username = principal.getName();
                    logins.checkPassword(username, Inputs.required(form.password(), "votre mot de passe"), address);
                    String email = Inputs.email(form.email());
                    send(new ChangeEmailCommand(AccountIds.of(username), email), principal);
                    return Map.of("message", "Votre adresse e-mail est changée : les prochains messages iront à "
                            + email + ".");
                })
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(SlowedRefusal.class, refusal -> Mono.delay(refusal.delay()).then(Mono.error(refusal)));
    }

    private void send(Object command, Principal principal) {
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                           .andMetaData(Caller.metaData(principal)));
    }
}
