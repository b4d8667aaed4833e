package fr.espacefamille.command.dossier;

import fr.espacefamille.events.Quoted;
import fr.espacefamille.events.RefusedException;

import java.text.Normalizer;

/**
 * The names of a document staff publish: its title, shown to families as it is, so refused
 * rather than changed when it would not read as typed; and its file name, which the browser
 * chose, so made safe for a download header rather than refused.
 */
final class DocumentNames {

    /** As the back-office form allows. */
    static final int MAX_TITLE_LENGTH = 120;

    private DocumentNames() {
    }

    /** The title staff typed; with none, the file name without its {@code .pdf}. */
    static String title(String typed, String fileName) {
        if (isBlank(typed)) {
            return clean(fileName.replaceAll("(?i)\\.pdf$", ""), MAX_TITLE_LENGTH);
        }
        String title = typed.strip();
        if (title.codePointCount(0, title.length()) > MAX_TITLE_LENGTH) {
            throw RefusedException.invalid("DOCUMENT_TITLE_TOO_LONG", "Le titre du document tient en "
                    + MAX_TITLE_LENGTH + " caractères au plus : il est montré aux familles tel quel.");
        }
        if (!typed.codePoints().allMatch(Quoted::isShown)) {
            throw RefusedException.invalid("DOCUMENT_TITLE_INVALID", "Le titre du document tient sur une ligne, "
                    + "sans retour à la ligne ni caractère invisible ou de mise en forme.");
        }

        return title;
    }

    /** Nothing but spaces, the no-break ones included: a title that would read as none. */
    private static boolean isBlank(String typed) {
        return typed == null
                || typed.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    /** A file name safe in a download header: no path, no control character, ends in .pdf. */
    static String fileName(String typed) {
        String name = typed == null ? "" : typed.replaceAll(".*[/\\\\]", "");
        name = clean(Normalizer.normalize(name, Normalizer.Form.NFC), 100).replaceAll("[\"<>:*?|]", "_");
        if (name.isBlank()) {
            name = "document";
        }
        return name.toLowerCase().endsWith(".pdf") ? name : name + ".pdf";
    }

    private static String clean(String text, int maxLength) {
        String cleaned = text.replaceAll("\\p{Cntrl}", " ").strip();
        return cleaned.length() > maxLength ? cleaned.substring(0, maxLength) : cleaned;
    }
}
