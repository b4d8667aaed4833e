package fr.espacefamille.command.dossier;

import fr.espacefamille.events.Quoted;
import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.dossier.ChangeInvoiceDeliveryModeCommand;
import fr.espacefamille.events.dossier.InvoiceDeliveryMode;
import fr.espacefamille.events.dossier.UpdatePhonesCommand;
import fr.espacefamille.platform.security.Caller;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.util.Locale;

/**
 * Mon dossier's changes: the parent's own phone numbers and the family's invoice delivery
 * mode. The security layer has already checked that the dossier is linked to the caller.
 */
@RestController
@RequestMapping("/api/family/dossiers/{dossierNumber}")
class FamilyDossierController {

    private final CommandGateway commandGateway;

    FamilyDossierController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /**
     * As typed, in any common format; empty to remove a number. Both are required: a client that
     * leaves one out would otherwise remove it without meaning to.
     */
    record PhonesForm(String mobilePhone, String homePhone) {
    }

    record InvoiceModeForm(String invoiceDeliveryMode) {
    }

    @PutMapping("/phones")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> updatePhones(@PathVariable String dossierNumber, @RequestBody PhonesForm form, Principal principal) {
        var command = new UpdatePhonesCommand(dossierNumber, principal.getName(),
                                              phone(form.mobilePhone(), "portable", "mobilePhone"),
                                              phone(form.homePhone(), "fixe", "homePhone"));
        return send(command, principal);
    }

    @PutMapping("/invoice-delivery-mode")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> changeInvoiceMode(@PathVariable String dossierNumber, @RequestBody InvoiceModeForm form,
                                 Principal principal) {
        var command = new ChangeInvoiceDeliveryModeCommand(dossierNumber, principal.getName(),
                                                           mode(form.invoiceDeliveryMode()));
        return send(command, principal);
    }

    private Mono<Void> send(Object command, Principal principal) {
        return Mono.fromFuture(() -> commandGateway.send(
                GenericCommandMessage.asCommandMessage(command).andMetaData(Caller.metaData(principal)))).then();
    }

    private static String phone(String typed, String which, String field) {
        if (typed == null) {
            throw RefusedException.invalid("FIELD_MISSING", "Indiquez le numéro de téléphone " + which
                    + " (champ « " + field + " »), ou une valeur vide pour le retirer.");
        }
        // Empty, or spaces only, removes the number; a tab or another invisible character is
        // refused below, rather than taken for nothing.
        if (typed.isBlank() && typed.codePoints().noneMatch(Quoted::isInvisible)) {
            return null;
        }
        // A number pasted from elsewhere may carry a character nobody sees: the message says so,
        // since the number it quotes, without it, looks right.
        String why = typed.codePoints().anyMatch(Quoted::isInvisible)
                ? " contient un caractère invisible (copié d'une autre page, par exemple) : retapez-le. "
                : " n'est pas valide. ";
        return PhoneNumbers.e164(typed).orElseThrow(() -> RefusedException.invalid("PHONE_INVALID",
                "Le numéro de téléphone " + which + " « " + Quoted.text(typed) + " »" + why
                        + "Écrivez-le par exemple 06 12 34 56 78, ou +32 470 12 34 56 hors de France."));
    }

    private static InvoiceDeliveryMode mode(String typed) {
        try {
            return InvoiceDeliveryMode.valueOf(typed.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw RefusedException.invalid("INVOICE_MODE_INVALID",
                    "Choisissez l'envoi des factures par e-mail (EMAIL) ou par courrier (PAPER).");
        }
    }
}
