package fr.espacefamille.query.dossier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A download's file name: UTF-8 in filename*, after an ASCII fallback in filename that clients save as it is. */
class AttachmentDispositionTest {

    @Test
    void anAsciiNameIsTheSameInBothParameters() {
        assertThat(AttachmentDisposition.of("ok.pdf"))
                .isEqualTo("attachment; filename=\"ok.pdf\"; filename*=UTF-8''ok.pdf");
    }

    @Test
    void anAccentedNameIsPercentEncodedInUtf8AfterItsFallback() {
        assertThat(AttachmentDisposition.of("Reçu d'août.pdf"))
                .isEqualTo("attachment; filename=\"Recu d'aout.pdf\"; filename*=UTF-8''Re%C3%A7u%20d%27ao%C3%BBt.pdf");
        assertThat(AttachmentDisposition.of("Rentrée \uD83C\uDF92.pdf"))
                .isEqualTo("attachment; filename=\"Rentree _.pdf\"; filename*=UTF-8''Rentr%C3%A9e%20%F0%9F%8E%92.pdf");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "Attestation CAF été 2026.pdf  | Attestation CAF ete 2026.pdf",
            "ÉCOLE Saint-Exupéry.pdf       | ECOLE Saint-Exupery.pdf",
            "n°12 (1/2) [v3] #a+b=c;~.pdf  | n_12 (1/2) [v3] #a+b=c;~.pdf",
            "Le \"bon\" C:\\fichier.pdf    | Le _bon_ C:_fichier.pdf",
            "Ça & l'œuvre, 100%!.pdf       | Ca & l'_uvre, 100_!.pdf",
            "Справка.pdf                   | _______.pdf",
            "Ελληνικά.pdf                  | ________.pdf",
            "日本語の書類.pdf              | ______.pdf",
            "Famille \uD83D\uDC68\u200D\uD83D\uDC67.pdf | Famille ___.pdf"})
    void theFallbackKeepsAsciiAndBaseLettersAndTurnsTheRestIntoUnderscores(String fileName, String fallback) {
        assertThat(AttachmentDisposition.asciiFallback(fileName)).isEqualTo(fallback);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Attestation CAF été 2026.pdf", "Le \"bon\" C:\\fichier.pdf",
                            "100% ; a=b, c'est ça.pdf", "Справка.pdf", "日本語の書類.pdf",
                            "Famille \uD83D\uDC68\u200D\uD83D\uDC67.pdf"})
    void filenameStarHoldsOnlyAttributeCharactersAndDecodesToTheName(String fileName) {
        String encoded = AttachmentDisposition.of(fileName).replaceFirst("^.*; filename\\*=UTF-8''", "");

        assertThat(encoded).matches("([A-Za-z0-9!#$&+\\-.^_`|~]|%[0-9A-F]{2})+");
        assertThat(UriUtils.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(fileName);
    }
}
