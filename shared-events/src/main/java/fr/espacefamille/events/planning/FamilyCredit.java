package fr.espacefamille.events.planning;

import java.time.Instant;
import java.util.List;

/**
 * The credit on a family's account (avoir), used by the next payment.
 *
 * @param movements newest first
 */
public record FamilyCredit(
        String dossierNumber,
        long balanceCents,
        List<Movement> movements
) {

    public FamilyCredit {
        movements = movements == null ? List.of() : List.copyOf(movements);
    }

    /**
     * One change of the credit.
     *
     * @param amountCents positive when credited, negative when used
     * @param label       in French
     */
    public record Movement(
            Instant at,
            String basketId,
            long amountCents,
            String label
    ) {
    }
}
