package fr.espacefamille.benchmark.planning;

import fr.espacefamille.events.dossier.Child;
import fr.espacefamille.events.dossier.DossierDetails;
import fr.espacefamille.events.dossier.Guardian;
import fr.espacefamille.events.dossier.ImportDossierCommand;
import fr.espacefamille.events.dossier.InvoiceDeliveryMode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A made-up town of N children with Saint-Just's proportions: 1.55 children per dossier, 40
 * schools, enrolments as in the demo export (canteen 85 %, morning and evening care about half,
 * TAP and Wednesday a quarter), quotients across the bands and some not assessed.
 */
final class BenchmarkTown {

    private static final int SCHOOLS = 40;
    private static final Integer[] QUOTIENTS = {412, 580, 655, 790, 905, 1120, 1380, 1650, null};

    private BenchmarkTown() {
    }

    static List<ImportDossierCommand> dossiers(int children, long seed) {
        Random random = new Random(seed);
        List<ImportDossierCommand> dossiers = new ArrayList<>();
        int made = 0;
        int number = 0;
        while (made < children) {
            number++;
            int size = Math.min(children - made, random.nextInt(100) < 55 ? 1 : random.nextInt(100) < 75 ? 2 : 3);
            String dossierNumber = String.format("B-%06d", number);
            String school = "École n° " + (1 + random.nextInt(SCHOOLS));
            List<Child> family = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                family.add(new Child(dossierNumber + "-enfant" + i, "Enfant" + i, "FAMILLE" + number,
                                     LocalDate.of(2015 + random.nextInt(7), 1 + random.nextInt(12), 1 + i),
                                     school, "CE" + (1 + random.nextInt(2)), enrolments(random)));
            }
            made += size;
            dossiers.add(new ImportDossierCommand(dossierNumber, new DossierDetails(
                    "FAMILLE" + number, QUOTIENTS[random.nextInt(QUOTIENTS.length)], InvoiceDeliveryMode.EMAIL,
                    List.of(new Guardian("Mme", "Parent", "FAMILLE" + number, "parent" + number + "@example.org",
                                         null, null, null)),
                    family)));
        }
        return dossiers;
    }

    private static List<String> enrolments(Random random) {
        List<String> services = new ArrayList<>();
        if (random.nextInt(100) < 85) {
            services.add("RESTAURATION");
        }
        if (random.nextInt(100) < 50) {
            services.add("ACCUEIL_MATIN");
        }
        if (random.nextInt(100) < 50) {
            services.add("ACCUEIL_SOIR");
        }
        if (random.nextInt(100) < 26) {
            services.add("TAP");
        }
        if (random.nextInt(100) < 24) {
            services.add("MERCREDI");
        }
        return services;
    }
}
