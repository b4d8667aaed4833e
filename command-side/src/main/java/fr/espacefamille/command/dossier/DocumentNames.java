package fr.espacefamille.command.dossier;

import fr.espacefamille.events.Quoted;
import fr.espacefamille.events.RefusedException;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The names of a document staff publish: its title, shown to families as it is, so refused
 * rather than changed when it would not read as typed; and its file name, which the browser
 * chose, so made safe for a download header rather than refused.
 */
final class DocumentNames {

    /** As the back-office form allows. */
    static final int MAX_TITLE_LENGTH = 120;
    /** Before the {@code .pdf}: a title drawn from the file name stays within {@link #MAX_TITLE_LENGTH}. */
    static final int MAX_FILE_NAME_LENGTH = 100;
    private static final String PDF = ".pdf";
    private static final Pattern PDF_AT_THE_END = Pattern.compile("(?i)\\.pdf$");
    /** Refused in a file name by Windows, besides the folder separators. */
    private static final Pattern RESERVED = Pattern.compile("[\"<>:*?|]");

    private DocumentNames() {
    }

    /** The title staff typed; with none, the {@link #fileName file name} without its {@code .pdf}. */
    static String title(String typed, String fileName) {
        if (isBlank(typed)) {
            return fileName.substring(0, fileName.length() - PDF.length());
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
        return typed == null || typed.codePoints().allMatch(DocumentNames::isSpace);
    }

    /** A space of any width, no-break or not, a tab or a line break. */
    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    /**
     * The file name the browser sent, made safe for a download header: without its folders,
     * with a plain space for any other space, tab or line break, without what no one sees
     * (invisible or format characters, unassigned ones, private use), composed (NFC), cut at
     * {@value #MAX_FILE_NAME_LENGTH} characters before its {@code .pdf}.
     */
    static String fileName(String sent) {
        String name = sent == null ? "" : sent;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String base = Normalizer.normalize(shown(name), Normalizer.Form.NFC).strip();
        base = RESERVED.matcher(PDF_AT_THE_END.matcher(base).replaceFirst("")).replaceAll("_");
        if (base.codePointCount(0, base.length()) > MAX_FILE_NAME_LENGTH) {
            base = base.substring(0, base.offsetByCodePoints(0, MAX_FILE_NAME_LENGTH));
        }
        base = base.strip();
        return (base.isEmpty() ? "document" : base) + PDF;
    }

    private static String shown(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints()
                .map(c -> isSpace(c) ? ' ' : c)
                .filter(Quoted::isShown)
                .forEach(shown::appendCodePoint);
        return shown.toString();
    }
}
