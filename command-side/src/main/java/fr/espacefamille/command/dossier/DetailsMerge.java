package fr.espacefamille.command.dossier;

import fr.espacefamille.events.dossier.DossierDetails;
import fr.espacefamille.events.dossier.Guardian;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A new export against what the family changed on the portal, field by field: a value the
 * export did not change since the last import keeps the family's; a value the export changed
 * is the export's. The family's values are the phone numbers, the invoice delivery mode, and
 * the e-mail address a guardian without one gave at sign-up.
 */
final class DetailsMerge {

    private DetailsMerge() {
    }

    static DossierDetails keepFamilyChanges(DossierDetails current, DossierDetails lastImport,
                                            DossierDetails incoming) {
        List<Guardian> guardians = new ArrayList<>(incoming.guardians());
        for (int i = 0; i < guardians.size(); i++) {
            if (i < current.guardians().size() && i < lastImport.guardians().size()) {
                guardians.set(i, withFamilyChanges(guardians.get(i), current.guardians().get(i),
                                                   lastImport.guardians().get(i)));
            }
        }
        var mode = incoming.invoiceDeliveryMode() == lastImport.invoiceDeliveryMode()
                ? current.invoiceDeliveryMode() : incoming.invoiceDeliveryMode();
        return new DossierDetails(incoming.dossierName(), incoming.familyQuotient(), mode, guardians,
                                  incoming.children());
    }

    private static Guardian withFamilyChanges(Guardian incoming, Guardian current, Guardian lastImport) {
        if (!isSamePerson(incoming, lastImport) || !isSamePerson(current, lastImport)) {
            return incoming;
        }
        String mobile = Objects.equals(incoming.mobilePhone(), lastImport.mobilePhone())
                ? current.mobilePhone() : incoming.mobilePhone();
        String home = Objects.equals(incoming.homePhone(), lastImport.homePhone())
                ? current.homePhone() : incoming.homePhone();
        String email = Objects.equals(incoming.email(), lastImport.email()) ? current.email() : incoming.email();
        return new Guardian(incoming.civility(), incoming.firstName(), incoming.lastName(), email,
                            mobile, home, incoming.address());
    }

    private static boolean isSamePerson(Guardian one, Guardian other) {
        return one.firstName().equals(other.firstName()) && one.lastName().equals(other.lastName());
    }
}
