package fr.espacefamille.events.dossier;

import java.util.List;

/**
 * One line of the staff's dossier list.
 *
 * @param guardianNames  first name and last name of each guardian
 * @param familyQuotient {@code null} while not yet assessed
 */
public record DossierSummary(
        String dossierNumber,
        String dossierName,
        List<String> guardianNames,
        int childCount,
        Integer familyQuotient
) {

    public DossierSummary {
        guardianNames = guardianNames == null ? List.of() : List.copyOf(guardianNames);
    }
}
