package fr.espacefamille.events;

/**
 * What someone typed, as a refusal's message quotes it back: without the characters that would
 * change how the message reads (controls, line and paragraph separators, and Unicode's format
 * characters: zero-width spaces, bidi overrides that turn the rest of the line around), and cut
 * at {@value #MAX_LENGTH} characters.
 */
public final class Quoted {

    static final int MAX_LENGTH = 40;

    private Quoted() {
    }

    public static String text(String typed) {
        if (typed == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder();
        typed.strip().codePoints().filter(Quoted::isShown).limit(MAX_LENGTH + 1L).forEach(shown::appendCodePoint);
        return shown.codePointCount(0, shown.length()) > MAX_LENGTH
                ? shown.substring(0, shown.offsetByCodePoints(0, MAX_LENGTH)) + "…"
                : shown.toString();
    }

    /**
     * A control character, a line or paragraph separator, an invisible or format character
     * (zero-width spaces and joiners, bidi controls, byte-order mark, soft hyphen) or half of a
     * surrogate pair: what changes how a line of text reads without being seen.
     */
    public static boolean isInvisible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE -> true;
            default -> false;
        };
    }

    private static boolean isShown(int codePoint) {
        int type = Character.getType(codePoint);
        return !isInvisible(codePoint) && type != Character.UNASSIGNED && type != Character.PRIVATE_USE;
    }
}
