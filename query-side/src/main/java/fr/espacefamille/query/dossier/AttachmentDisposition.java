package fr.espacefamille.query.dossier;

import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * The {@code Content-Disposition} of a download as RFC 6266 writes it: the file name in
 * {@code filename*}, UTF-8 percent-encoded (RFC 5987), after an ASCII {@code filename} for the
 * clients that read only that one. Spring's {@code ContentDisposition} puts an RFC 2047 encoded
 * word ({@code =?UTF-8?Q?…?=}) in {@code filename} instead, which such a client takes as the
 * name itself, and has no ASCII fallback to offer.
 */
final class AttachmentDisposition {

    private AttachmentDisposition() {
    }

    static String of(String fileName) {
        return "attachment; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''"
                + UriUtils.encode(fileName, StandardCharsets.UTF_8);
    }

    /**
     * Accented letters without their accents, the other printable ASCII characters as they are,
     * anything else a {@code _}: so is the quote and the backslash, which would end or escape the
     * quoted string, and the percent sign, which some clients decode (RFC 6266, appendix D).
     */
    static String asciiFallback(String fileName) {
        StringBuilder fallback = new StringBuilder();
        Normalizer.normalize(fileName, Normalizer.Form.NFD).codePoints()
                .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                .map(c -> isKept(c) ? c : '_')
                .forEach(fallback::appendCodePoint);
        return fallback.toString();
    }

    private static boolean isKept(int c) {
        return c >= ' ' && c <= '~' && c != '"' && c != '\\' && c != '%';
    }
}
