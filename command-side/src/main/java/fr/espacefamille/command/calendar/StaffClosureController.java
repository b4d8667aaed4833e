package fr.espacefamille.command.calendar;

import fr.espacefamille.events.Audit;
import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.calendar.CloseServiceDayCommand;
import fr.espacefamille.events.calendar.PublishPlanningSetupCommand;
import fr.espacefamille.events.calendar.ReopenServiceDayCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Staff close a service on a day (strike, closure) and take it back. The bookings of a closed
 * day are then cancelled family by family, in the background (see the planning's
 * {@code ClosureCancellations}). Only staff reach it, by path (the access contract).
 */
@RestController
@RequestMapping("/api/staff/closures")
class StaffClosureController {

    private final CommandGateway commandGateway;

    StaffClosureController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /**
     * The services must be named, or sent empty for all of them: a request without the field is
     * refused, not read as every service of the day. A misspelt field is refused by the strict
     * body reading ({@code FIELD_UNKNOWN}); a service named twice is closed once.
     */
    record ClosureRequest(LocalDate day, List<String> services, String reason) {
    }

    @PostMapping
    Mono<Map<String, List<String>>> close(@RequestBody ClosureRequest request, Principal principal) {
        if (request.services() == null) {
            throw RefusedException.invalid("SERVICES_MISSING",
                    "Indiquez les services à fermer (une liste vide les ferme tous).");
        }
        if (request.services().contains(null)) {
            throw RefusedException.invalid("INVALID_REQUEST", "La demande est incomplète ou mal formée.");
        }
        CloseServiceDayCommand command = new CloseServiceDayCommand(PublishPlanningSetupCommand.TOWN, request.day(),
                                                                    request.services(), request.reason());
        return Mono.fromCallable(() -> Map.of("closed", this.<List<String>>send(command, principal)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @DeleteMapping("/{day}/{service}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> reopen(@PathVariable LocalDate day, @PathVariable String service, Principal principal) {
        ReopenServiceDayCommand command = new ReopenServiceDayCommand(PublishPlanningSetupCommand.TOWN, day, service);
        return Mono.fromRunnable(() -> send(command, principal)).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private <R> R send(Object command, Principal principal) {
        String staff = principal == null ? "anonymous" : principal.getName();
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                                  .andMetaData(MetaData.with(Audit.AUTHOR, "staff:" + staff)));
    }
}
