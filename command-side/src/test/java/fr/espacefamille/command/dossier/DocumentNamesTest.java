package fr.espacefamille.command.dossier;

import fr.espacefamille.events.RefusedException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Attestation CAF 2026.pdf                 | Attestation CAF 2026.pdf",
            "C:\\Users\\agent\\Bureau\\Facture.pdf    | Facture.pdf",
            "../../Facture                            | Facture.pdf",
            "Relevé.PDF                               | Relevé.pdf",
            "Releve\u0301.pdf                         | Relevé.pdf",
            "Releve\u200D\u0301.pdf                   | Relevé.pdf",
            "Facture\u202Efdp.exe                     | Facturefdp.exe.pdf",
            "\u2067Facture\u2069 juin\u200E.pdf       | Facture juin.pdf",
            "Facture\u200B\u2060\u00AD\uFEFF juin.pdf | Facture juin.pdf",
            "Facture\uE000\uDB80\uDC00\u0378 juin.pdf | Facture juin.pdf",
            "Facture\u0007\u0085 juin\u007F.pdf       | Facture juin.pdf",
            "Facture\tde\u00A0juin\u2028.pdf          | Facture de juin.pdf",
            "Facture \"juin\" <v2>?.pdf               | Facture _juin_ _v2__.pdf",
            "\u202E.pdf                               | document.pdf",
            "\u00A0 .pdf                              | document.pdf",
            "dossier/                                 | document.pdf"})
    void aFileNameKeepsWhatIsSeenAndEndsInPdf(String sent, String fileName) {
        assertThat(DocumentNames.fileName(sent)).isEqualTo(fileName);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aDocumentWithoutAFileNameIsCalledDocument(String sent) {
        assertThat(DocumentNames.fileName(sent)).isEqualTo("document.pdf");
    }

    @Test
    void aFileNameIsCutInCharactersBeforeItsPdf() {
        String sent = "\uD83C\uDF92".repeat(DocumentNames.MAX_FILE_NAME_LENGTH + 1) + ".pdf";

        assertThat(DocumentNames.fileName(sent))
                .isEqualTo("\uD83C\uDF92".repeat(DocumentNames.MAX_FILE_NAME_LENGTH) + ".pdf");
    }

    @Test
    void aTitleDrawnFromAnyFileNameIsOneStaffCouldHaveTyped() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String sent = "Facture " + Character.toString(codePoint).repeat(3) + ".pdf";
            String title = DocumentNames.title(null, DocumentNames.fileName(sent));

            assertThat(DocumentNames.title(title, "autre.pdf")).as("U+%04X", codePoint).isEqualTo(title);
        }
    }

    private static void assertRefused(ThrowingCallable naming, String code) {
        assertThatThrownBy(naming).isInstanceOfSatisfying(RefusedException.class,
                                                          refused -> assertThat(refused.code()).isEqualTo(code));
    }
}
