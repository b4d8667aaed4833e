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
     * (zero-width spaces and joiners, bidi controls, byte-order mark, soft hyphen), a variation
     * selector or the combining grapheme joiner (marks that draw nothing themselves), a Hangul
     * filler (a blank letter), or half of a surrogate pair: what changes how a line of text
     * reads, or what it holds, without being seen.
     */
    public static boolean isInvisible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE -> true;
            default -> isBlankMark(codePoint);
        };
    }

    private static boolean isBlankMark(int codePoint) {
        return codePoint >= 0xFE00 && codePoint <= 0xFE0F
                || codePoint >= 0xE0100 && codePoint <= 0xE01EF
                || codePoint >= 0x180B && codePoint <= 0x180F
                || codePoint == 0x034F
                || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0;
    }

    /** Neither {@link #isInvisible invisible}, nor unassigned, nor for private use: a character a reader sees. */
    public static boolean isShown(int codePoint) {
        int type = Character.getType(codePoint);
        return !isInvisible(codePoint) && type != Character.UNASSIGNED && type != Character.PRIVATE_USE;
    }
}
