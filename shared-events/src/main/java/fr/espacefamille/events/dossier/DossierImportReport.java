package fr.espacefamille.events.dossier;

import java.util.List;

/**
 * What an import of the town's export did.
 *
 * <p>A dossier with a malformed line is left as it was, so that a child is never dropped from
 * a dossier because one line of the file was wrong; every other dossier is imported.
 *
 * @param lines            data lines read, the header not counted
 * @param registered       dossiers new to the portal
 * @param changed          known dossiers whose details changed
 * @param unchanged        known dossiers with the same details; nothing was recorded for them
 * @param rejectedDossiers numbers of the dossiers left as they were because of a problem
 * @param problems         every malformed line, in the order of the file
 */
public record DossierImportReport(
        int lines,
        int registered,
        int changed,
        int unchanged,
        List<String> rejectedDossiers,
        List<ImportProblem> problems
) {

    public DossierImportReport {
        rejectedDossiers = rejectedDossiers == null ? List.of() : List.copyOf(rejectedDossiers);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
