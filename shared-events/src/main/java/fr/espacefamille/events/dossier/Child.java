package fr.espacefamille.events.dossier;

import java.time.LocalDate;
import java.util.List;

/**
 * A child of a dossier and the services he or she is enrolled in.
 *
 * <p>Services are named by the codes of the town's export ({@code RESTAURATION},
 * {@code ACCUEIL_SOIR}, ...): each town configures its own.
 *
 * @param childId     stable across imports: the dossier number, the first name and the birth
 *                    date, such as {@code 2015-00100-louis-20181215}
 * @param school      {@code null} when not given
 * @param schoolClass the class, such as {@code CE1} or {@code MS}; {@code null} when not given
 * @param enrolments  service codes, each once, in alphabetical order
 */
public record Child(
        String childId,
        String firstName,
        String lastName,
        LocalDate birthDate,
        String school,
        String schoolClass,
        List<String> enrolments
) {

    public Child {
        enrolments = enrolments == null ? List.of() : List.copyOf(enrolments);
    }
}
