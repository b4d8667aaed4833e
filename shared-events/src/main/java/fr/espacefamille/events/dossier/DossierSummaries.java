package fr.espacefamille.events.dossier;

import java.util.List;

/** The answer to {@link FindDossiersQuery}: every dossier, sorted by dossier name. */
public record DossierSummaries(List<DossierSummary> dossiers) {

    public DossierSummaries {
        dossiers = dossiers == null ? List.of() : List.copyOf(dossiers);
    }
}
