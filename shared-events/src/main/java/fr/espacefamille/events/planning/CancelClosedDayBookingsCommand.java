package fr.espacefamille.events.planning;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Cancels what a family has booked, or has pending in a basket, at services the staff closed
 * on a day: paid days become credit, whatever their cut-off. Sent by the portal itself, once per
 * family, after a closure; idempotent. Answers whether every service named was found closed: if
 * not, the closure has not reached this node's calendar yet and the command must come again.
 *
 * @param services the service codes closed that day
 */
public record CancelClosedDayBookingsCommand(
        @TargetAggregateIdentifier String dossierNumber,
        LocalDate day,
        List<String> services
) {

    public CancelClosedDayBookingsCommand {
        services = services == null ? List.of() : List.copyOf(services);
    }
}
