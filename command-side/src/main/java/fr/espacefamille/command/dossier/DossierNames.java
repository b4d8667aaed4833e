package fr.espacefamille.command.dossier;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Compares the dossier name a parent types with the one on the town's letter, whatever the
 * case, accents, spaces, hyphens or apostrophes: {@code lefevre} is {@code LEFÈVRE},
 * {@code dangelo} is {@code D'ANGELO}, {@code de la tour} is {@code DE LA TOUR}.
 */
final class DossierNames {

    private DossierNames() {
    }

    static boolean match(String typed, String official) {
        if (typed == null || official == null) {
            return false;
        }
        String key = key(typed);
        return !key.isEmpty() && key.equals(key(official));
    }

    /** Letters and digits only, without accents, in lower case; ligatures spelled out. */
    static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
