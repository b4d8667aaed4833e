package fr.espacefamille.command.dossier;

import fr.espacefamille.events.RefusedException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A document's title is refused rather than changed; its file name, which the browser chose, is made safe. */
class DocumentNamesTest {

    @Test
    void aTitleIsKeptAsTypedWithoutTheSpacesAround() {
        assertThat(DocumentNames.title("  Attestation CAF 2026 ", "scan.pdf")).isEqualTo("Attestation CAF 2026");
    }

    @Test
    void aTitleIsCountedInCharacters() {
        String title = "Rentrée " + "\uD83C\uDF92".repeat(DocumentNames.MAX_TITLE_LENGTH - 8);

        assertThat(DocumentNames.title(title, "scan.pdf")).isEqualTo(title);
        assertRefused(() -> DocumentNames.title(title + "!", "scan.pdf"), "DOCUMENT_TITLE_TOO_LONG");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Facture\u202Efdp.exe", "Facture\u200B2026", "Facture\u00AD2026", "\u2066Facture\u2069",
                            "Facture\tjuin", "Facture\njuin", "Facture juin\n", "Facture\u2028juin", "Facture\u0085",
                            "Facture\uFEFF", "Facture\uFE0F", "Facture\u3164", "Facture\uE000", "Facture\u0378",
                            "\u200B"})
    void aTitleWithALineBreakOrAnInvisibleCharacterIsRefused(String typed) {
        assertRefused(() -> DocumentNames.title(typed, "scan.pdf"), "DOCUMENT_TITLE_INVALID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "\u00A0\u3000"})
    void withoutATitleTheFileNameWithoutPdfIsTheTitle(String typed) {
        assertThat(DocumentNames.title(typed, "Relevé de présence.pdf")).isEqualTo("Relevé de présence");
    }

    private static void assertRefused(ThrowingCallable naming, String code) {
        assertThatThrownBy(naming).isInstanceOfSatisfying(RefusedException.class,
                                                          refused -> assertThat(refused.code()).isEqualTo(code));
    }
}
