package fr.espacefamille.command.planning;

import fr.espacefamille.command.payment.PaymentOperations;
import fr.espacefamille.command.payment.PaymentOrder;
import fr.espacefamille.command.payment.PaymentProvider;
import fr.espacefamille.command.payment.PaymentResult;
import fr.espacefamille.command.payment.PaymentSession;
import fr.espacefamille.events.Audit;
import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.calendar.ServiceDefinition;
import fr.espacefamille.events.capacity.CapacityIds;
import fr.espacefamille.events.capacity.HoldPlacesCommand;
import fr.espacefamille.events.capacity.PlacesAnswer;
import fr.espacefamille.events.planning.BasketChangeReport;
import fr.espacefamille.events.planning.BasketLineView;
import fr.espacefamille.events.planning.BasketStatus;
import fr.espacefamille.events.planning.BasketView;
import fr.espacefamille.events.planning.CheckOutBasketCommand;
import fr.espacefamille.events.planning.CheckoutOutcome;
import fr.espacefamille.events.planning.CheckoutStatus;
import fr.espacefamille.events.planning.PaymentStatus;
import fr.espacefamille.events.planning.RecordPaymentResultCommand;
import fr.espacefamille.events.planning.RecordPlacesCommand;
import fr.espacefamille.events.planning.SkippedDay;
import fr.espacefamille.events.planning.StartBasketPaymentCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Carries a parent's request through the aggregates it needs: the family's dossier decides the
 * days, the capacity ledgers of a capacity-limited service hold the places, the payment provider
 * takes the money.
 *
 * <p>Each step is a command to one aggregate, so that no step needs a transaction: a day of a
 * capacity-limited service goes in the basket first, waiting for its place; the place is held
 * next; the basket then records which days got one. If the process stops in between, "Payer"
 * holds the missing places again, and a released basket gives back every place it held.
 */
@Service
public class BookingDesk {

    /** The author of what a payment notification records. */
    static final String PAYMENT_AUTHOR = "system:payment";
    private static final String CAPACITY_FULL = "CAPACITY_FULL";

    private final CommandGateway commandGateway;
    private final PlanningRules rules;
    private final PaymentProvider payments;
    private final PaymentOperations operations;

    BookingDesk(CommandGateway commandGateway, PlanningRules rules, PaymentProvider payments,
                PaymentOperations operations) {
        this.commandGateway = commandGateway;
        this.rules = rules;
        this.payments = payments;
        this.operations = operations;
    }

    /**
     * Sends a change of days (one of the booking commands) and holds the places it needs.
     *
     * @param singleDay whether one day was asked: then a full day is a refusal, not a report line
     */
    public BasketChangeReport change(Object command, String author, boolean singleDay) {
        BasketChangeReport report = send(command, author);
        if (report.awaitingPlaces().isEmpty()) {
            return report;
        }

        BasketChangeReport placed = holdPlaces(report, author);
        if (singleDay && placed.skipped().stream().anyMatch(day -> day.code().equals(CAPACITY_FULL))) {
            throw RefusedException.conflict(CAPACITY_FULL, "Il n'y a plus de place ce jour-là pour ce service.");
        }
        return placed;
    }

    /**
     * "Payer": confirms a free basket, or opens a payment and answers with the page to go to.
     *
     * @param portalUrl the portal's address as the payer's browser and the provider reach it
     * @param returnPath where the browser comes back after paying
     */
    public CheckoutOutcome checkout(String dossierNumber, String account, String author,
                                    String portalUrl, String returnPath) {
        CheckOutBasketCommand command = new CheckOutBasketCommand(dossierNumber, account);
        CheckoutOutcome outcome = send(command, author);
        if (outcome.status() == CheckoutStatus.AWAITING_PLACES) {
            holdMissingPlaces(outcome, author);
            outcome = send(command, author);
        }
        if (outcome.status() == CheckoutStatus.AWAITING_PLACES) {
            throw RefusedException.conflict("PLACES_PENDING",
                    "Des places sont encore en cours d'attribution : réessayez dans un instant.");
        }
        if (outcome.status() != CheckoutStatus.PAYMENT_REQUIRED) {
            return outcome;
        }
        Optional<CheckoutOutcome> resumed = resume(outcome);
        if (resumed.isPresent()) {
            return resumed.get();
        }

        BasketView basket = outcome.basket();
        long amount = basket.totals().amountDueCents();
        PaymentSession session = payments.start(new PaymentOrder(
                basket.basketId(), amount, "Réservations périscolaires – dossier " + dossierNumber,
                portalUrl + "/api/callbacks/payfip/notifications", portalUrl + returnPath, basket.expiresAt()));
        operations.remember(session.operationId(), dossierNumber, basket.basketId(), amount, session.redirectUrl());
        try {
            send(new StartBasketPaymentCommand(dossierNumber, basket.basketId(), session.operationId(), amount),
                 author);
        } catch (RefusedException e) {
            if (!FamilyPlanning.PAYMENT_ALREADY_STARTED.equals(e.code())) {
                throw e;
            }
            // Another "Payer" of the same basket started its payment first: resume that one. The
            // operation opened here is never shown to the payer and ends with the basket.
            return resume(send(command, author)).orElseThrow(() -> e);
        }
        return outcome.withPayment(session.operationId(), session.redirectUrl());
    }

    /** The payment already under way for the basket, to send the payer back to its page. */
    private Optional<CheckoutOutcome> resume(CheckoutOutcome outcome) {
        if (outcome.status() != CheckoutStatus.PAYMENT_REQUIRED || outcome.operationId() == null) {
            return Optional.empty();
        }
        return operations.find(outcome.operationId())
                .filter(operation -> operation.redirectUrl() != null)
                .map(operation -> outcome.withPayment(operation.operationId(), operation.redirectUrl()));
    }

    /**
     * Asks the provider for the result of an operation and records it on its basket; the same
     * result recorded twice changes nothing.
     *
     * @param dossierNumber the dossier the caller expects, or {@code null} for the provider's notification
     */
    public BasketStatus recordPaymentResult(String operationId, String dossierNumber) {
        PaymentOperations.Operation operation = operations.find(operationId)
                .filter(found -> dossierNumber == null || found.dossierNumber().equals(dossierNumber))
                .orElseThrow(() -> RefusedException.notFound("PAYMENT_UNKNOWN",
                        "Cette opération de paiement n'existe pas."));
        PaymentResult result = payments.result(operationId);
        if (result.status() == PaymentStatus.PENDING) {
            return BasketStatus.AWAITING_PAYMENT;
        }

        return send(new RecordPaymentResultCommand(operation.dossierNumber(), operation.basketId(), operationId,
                                                   result.status(), result.amountCents()), PAYMENT_AUTHOR);
    }

    private BasketChangeReport holdPlaces(BasketChangeReport report, String author) {
        PlacesAnswer answer = hold(report.basket().basketId(), report.childId(), report.service(),
                                   report.awaitingPlaces(), author);
        BasketView basket = send(new RecordPlacesCommand(report.basket().dossierNumber(), report.basket().basketId(),
                                                         report.childId(), report.service(),
                                                         answer.granted(), answer.full()), author);
        List<SkippedDay> skipped = new ArrayList<>(report.skipped());
        answer.full().forEach(day -> skipped.add(new SkippedDay(day, CAPACITY_FULL,
                                                               "il n'y a plus de place ce jour-là")));
        skipped.sort(Comparator.comparing(SkippedDay::day));
        List<LocalDate> booked = report.booked().stream().filter(day -> !answer.full().contains(day)).toList();
        return new BasketChangeReport(report.childId(), report.service(), booked, report.cancelled(), List.of(),
                                      skipped, basket);
    }

    private void holdMissingPlaces(CheckoutOutcome outcome, String author) {
        Map<String, List<BasketLineView>> byChildAndService = outcome.awaitingPlaces().stream()
                .collect(Collectors.groupingBy(line -> line.childId() + "|" + line.service(), LinkedHashMap::new,
                                               Collectors.toList()));
        for (List<BasketLineView> lines : byChildAndService.values()) {
            BasketLineView first = lines.get(0);
            List<LocalDate> days = lines.stream().map(BasketLineView::day).toList();
            PlacesAnswer answer = hold(outcome.basket().basketId(), first.childId(), first.service(), days, author);
            send(new RecordPlacesCommand(outcome.basket().dossierNumber(), outcome.basket().basketId(),
                                         first.childId(), first.service(), answer.granted(), answer.full()), author);
        }
    }

    /**
     * Holds places month by month: each month of a service is one capacity ledger, which takes
     * one basket at a time. A whole-year booking starts at a month of its own (the basket
     * decides which) and goes round the year from there, so that at the back-to-school wave the
     * families spread over the ten ledgers instead of all queuing at September's.
     */
    private PlacesAnswer hold(String basketId, String childId, String service, List<LocalDate> days, String author) {
        ServiceDefinition definition = rules.service(service);
        List<Map.Entry<YearMonth, List<LocalDate>>> byMonth = new ArrayList<>(days.stream()
                .collect(Collectors.groupingBy(YearMonth::from, TreeMap::new, Collectors.toList())).entrySet());
        Collections.rotate(byMonth, -Math.floorMod(basketId.hashCode(), Math.max(1, byMonth.size())));
        List<LocalDate> granted = new ArrayList<>();
        List<LocalDate> full = new ArrayList<>();
        byMonth.forEach(month -> {
            PlacesAnswer answer = send(new HoldPlacesCommand(CapacityIds.of(service, month.getKey()), service,
                                                             basketId, childId, month.getValue(),
                                                             definition.capacityPerDay()), author);
            granted.addAll(answer.granted());
            full.addAll(answer.full());
        });
        granted.sort(Comparator.naturalOrder());
        full.sort(Comparator.naturalOrder());
        return new PlacesAnswer(granted, full);
    }

    private <R> R send(Object command, String author) {
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                                  .andMetaData(MetaData.with(Audit.AUTHOR, author)));
    }
}
