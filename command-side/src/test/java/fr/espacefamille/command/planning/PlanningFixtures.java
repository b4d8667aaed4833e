package fr.espacefamille.command.planning;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.espacefamille.command.calendar.PlanningProperties;
import fr.espacefamille.command.calendar.PlanningSetupConfiguration;
import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.calendar.PlanningSetup;
import fr.espacefamille.events.dossier.Child;
import fr.espacefamille.events.dossier.DossierDetails;
import fr.espacefamille.events.dossier.DossierRegisteredEvent;
import fr.espacefamille.events.dossier.Guardian;
import fr.espacefamille.events.dossier.InvoiceDeliveryMode;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.springframework.core.io.DefaultResourceLoader;

import java.time.LocalDate;
import java.util.List;

/** The Saint-Just setup read from the real files, and a family of the demo export. */
final class PlanningFixtures {

    static final String DOSSIER = "2015-00100";
    static final String LOUIS = "2015-00100-louis-20181215";
    static final String JADE = "2015-00100-jade-20190405";
    static final PlanningSetup SAINT_JUST = PlanningSetupConfiguration.read(
            new PlanningProperties(null, null, null, null, null, null, null, null),
            new DefaultResourceLoader(), new ObjectMapper());

    private PlanningFixtures() {
    }

    /** The MARTIN family, QF 790: Louis eats at the canteen and goes to the Wednesday centre and TAP. */
    static DossierRegisteredEvent martinFamily() {
        return new DossierRegisteredEvent(DOSSIER, new DossierDetails("MARTIN", 790, InvoiceDeliveryMode.EMAIL,
                List.of(new Guardian("Mme", "Fatima", "MARTIN", "fatima.martin@example.org", null, null, null),
                        new Guardian("M.", "Jérôme", "MARTIN", "jerome.martin@example.net", null, null, null)),
                List.of(new Child(LOUIS, "Louis", "MARTIN", LocalDate.of(2018, 12, 15), "Élémentaire Font de l'Aube",
                                  "CE2", List.of("RESTAURATION", "MERCREDI", "TAP", "ACCUEIL_SOIR")),
                        new Child(JADE, "Jade", "MARTIN", LocalDate.of(2019, 4, 5), "Élémentaire Font de l'Aube",
                                  "CE1", List.of("ACCUEIL_MATIN")))));
    }

    /** Matches a refusal by its stable code. */
    static Matcher<Object> refusedWith(String code) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof RefusedException refused && refused.code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal with code ").appendValue(code);
            }

            @Override
            protected void describeMismatchSafely(Object item, Description description) {
                description.appendText("was ").appendValue(item instanceof RefusedException refused
                        ? refused.code() + ": " + refused.getMessage() : item);
            }
        };
    }
}
