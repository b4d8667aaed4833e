package fr.espacefamille.events.planning;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Days picked on the month view ("Modifier"): some to book, some to cancel. Puts in the basket
 * those that can change and reports the others with the reason. Answers with a
 * {@link BasketChangeReport}.
 */
public record ChangeDaysCommand(
        @TargetAggregateIdentifier String dossierNumber,
        String account,
        String childId,
        String service,
        List<LocalDate> book,
        List<LocalDate> cancel
) {

    public ChangeDaysCommand {
        book = book == null ? List.of() : List.copyOf(book);
        cancel = cancel == null ? List.of() : List.copyOf(cancel);
    }
}
