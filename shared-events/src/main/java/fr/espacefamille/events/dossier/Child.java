package fr.espacefamille.events.dossier;

import java.time.LocalDate;
import java.util.List;

/**
 * A child of a dossier and the services he or she is enrolled in.
 *
 * @param school      {@code null} when not given
 * @param schoolClass the class, such as {@code CE1} or {@code MS}; {@code null} when not given
 * @param enrolments  each service once, in the order of {@link ServiceCode}
 */
public record Child(
        String firstName,
        String lastName,
        LocalDate birthDate,
        String school,
        String schoolClass,
        List<ServiceCode> enrolments
) {

    public Child {
        enrolments = enrolments == null ? List.of() : List.copyOf(enrolments);
    }
}
