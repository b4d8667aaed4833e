package fr.espacefamille.command.planning;

import fr.espacefamille.command.payment.PaymentProperties;
import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.planning.BasketChangeReport;
import fr.espacefamille.events.planning.BasketStatus;
import fr.espacefamille.events.planning.BasketView;
import fr.espacefamille.events.planning.CancelReservationCommand;
import fr.espacefamille.events.planning.ChangeDaysCommand;
import fr.espacefamille.events.planning.CheckoutOutcome;
import fr.espacefamille.events.planning.DiscardBasketCommand;
import fr.espacefamille.events.planning.PeriodAction;
import fr.espacefamille.events.planning.RemoveFromBasketCommand;
import fr.espacefamille.events.planning.ReserveDayCommand;
import fr.espacefamille.events.planning.ReservePeriodCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import fr.espacefamille.events.Audit;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.ForwardedHeaderUtils;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.security.Principal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * A parent's basket: put days in it, take them out, "Payer". The access layer guarantees, by
 * path, that the caller is linked to the dossier; the dossier checks that the child is its own.
 */
@RestController
@RequestMapping("/api/family/dossiers/{dossierNumber}/basket")
class BasketController {

    private final BookingDesk desk;
    private final CommandGateway commandGateway;
    private final PaymentProperties paymentProperties;

    BasketController(BookingDesk desk, CommandGateway commandGateway, PaymentProperties paymentProperties) {
        this.desk = desk;
        this.commandGateway = commandGateway;
        this.paymentProperties = paymentProperties;
    }

    record DayRequest(String childId, String service, LocalDate day) {

        DayRequest validated() {
            requireChildAndService(childId, service);
            if (day == null) {
                throw RefusedException.invalid("DAY_MISSING", "Indiquez le jour à réserver ou à annuler.");
            }
            return this;
        }
    }

    record DaysRequest(String childId, String service, List<LocalDate> book, List<LocalDate> cancel) {

        DaysRequest validated() {
            requireChildAndService(childId, service);
            if ((book != null && book.contains(null)) || (cancel != null && cancel.contains(null))) {
                throw RefusedException.invalid("DAY_MISSING", "Une des dates de la liste est vide.");
            }
            return this;
        }
    }

    record PeriodRequest(String childId, String service, LocalDate from, LocalDate to, Set<DayOfWeek> weekdays,
                         PeriodAction action) {

        PeriodRequest validated() {
            requireChildAndService(childId, service);
            if (from == null || to == null) {
                throw RefusedException.invalid("PERIOD_MISSING",
                                               "Indiquez le premier et le dernier jour de la période.");
            }
            if (weekdays != null && weekdays.contains(null)) {
                throw RefusedException.invalid("WEEKDAY_MISSING", "Un des jours de la semaine choisis est vide.");
            }
            if (action == null) {
                throw RefusedException.invalid("ACTION_MISSING",
                                               "Indiquez s'il faut réserver ou annuler les jours de la période.");
            }
            return this;
        }
    }

    /** The child and the service every change names; refused before any command when missing. */
    private static void requireChildAndService(String childId, String service) {
        if (childId == null || childId.isBlank()) {
            throw RefusedException.invalid("CHILD_MISSING", "Indiquez l'enfant concerné.");
        }
        if (service == null || service.isBlank()) {
            throw RefusedException.invalid("SERVICE_MISSING", "Indiquez le service concerné.");
        }
    }

    @PostMapping("/days")
    Mono<BasketChangeReport> reserveDay(@PathVariable String dossierNumber, @RequestBody DayRequest request,
                                        Principal principal) {
        DayRequest day = request.validated();
        return change(principal, true, account -> new ReserveDayCommand(dossierNumber, account, day.childId(),
                                                                        day.service(), day.day()));
    }

    @PostMapping("/cancellations")
    Mono<BasketChangeReport> cancelReservation(@PathVariable String dossierNumber, @RequestBody DayRequest request,
                                               Principal principal) {
        DayRequest day = request.validated();
        return change(principal, true, account -> new CancelReservationCommand(dossierNumber, account, day.childId(),
                                                                               day.service(), day.day()));
    }

    @PostMapping("/changes")
    Mono<BasketChangeReport> changeDays(@PathVariable String dossierNumber, @RequestBody DaysRequest request,
                                        Principal principal) {
        DaysRequest days = request.validated();
        return change(principal, false, account -> new ChangeDaysCommand(dossierNumber, account, days.childId(),
                                                                         days.service(), days.book(), days.cancel()));
    }

    @PostMapping("/periods")
    Mono<BasketChangeReport> reservePeriod(@PathVariable String dossierNumber, @RequestBody PeriodRequest request,
                                           Principal principal) {
        PeriodRequest period = request.validated();
        return change(principal, false, account -> new ReservePeriodCommand(
                dossierNumber, account, period.childId(), period.service(), period.from(), period.to(),
                period.weekdays(), period.action()));
    }

    /** A change of days for the caller's basket, through the desk that holds the places it needs. */
    private Mono<BasketChangeReport> change(Principal principal, boolean singleDay, Function<String, Object> command) {
        String account = Accounts.username(principal);
        return blocking(() -> desk.change(command.apply(account), Accounts.author(principal), singleDay));
    }

    @DeleteMapping("/days/{childId}/{service}/{day}")
    Mono<BasketView> removeDay(@PathVariable String dossierNumber, @PathVariable String childId,
                               @PathVariable String service, @PathVariable LocalDate day, Principal principal) {
        String account = Accounts.username(principal);
        return blocking(() -> send(new RemoveFromBasketCommand(dossierNumber, account, childId, service, day),
                                   principal));
    }

    @DeleteMapping
    Mono<BasketView> discard(@PathVariable String dossierNumber, Principal principal) {
        return blocking(() -> send(new DiscardBasketCommand(dossierNumber, Accounts.username(principal)), principal));
    }

    @PostMapping("/checkout")
    Mono<CheckoutOutcome> checkout(@PathVariable String dossierNumber, ServerHttpRequest request,
                                   Principal principal) {
        String portalUrl = portalUrl(request);
        String returnPath = "/planning.html?dossier=" + dossierNumber;
        return blocking(() -> desk.checkout(dossierNumber, Accounts.username(principal), Accounts.author(principal),
                                            portalUrl, returnPath));
    }

    /** Back from the payment page: asks the provider for the result, as its notification would. */
    @PostMapping("/payments/{operationId}")
    Mono<Map<String, BasketStatus>> paymentResult(@PathVariable String dossierNumber,
                                                  @PathVariable String operationId) {
        return blocking(() -> Map.of("status", desk.recordPaymentResult(operationId, dossierNumber)));
    }

    private String portalUrl(ServerHttpRequest request) {
        if (paymentProperties.publicUrl() != null) {
            return paymentProperties.publicUrl().replaceAll("/+$", "");
        }
        URI uri = ForwardedHeaderUtils.adaptFromForwardedHeaders(request.getURI(), request.getHeaders())
                .replacePath(null).replaceQuery(null).build().toUri();
        return uri.toString().replaceAll("/+$", "");
    }

    private <R> R send(Object command, Principal principal) {
        MetaData author = MetaData.with(Audit.AUTHOR, Accounts.author(principal));
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(author));
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
