package fr.espacefamille.command.dossier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Phone numbers in the formats of the town's export and of parents, written in E.164. */
class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "06.19.66.48.06, +33619664806", "06 44 49 37 03, +33644493703", "0780443741, +33780443741",
            "+33 6 22 02 23 54, +33622022354", "04 67 41 00 19, +33467410019", "0713598962, +33713598962",
            "+32 470 12 34 56, +32470123456", "0033 6 12 34 56 78, +33612345678"})
    void aNumberInAnyCommonFormatIsWrittenInE164(String typed, String e164) {
        assertThat(PhoneNumbers.e164(typed)).contains(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "06 12 34", "06 12 34 56 78 90 12", "pas un numéro", " ", "06 12 34 56 7a",
                            "00 00 00 00 00", "06-CHAT-CHAT"})
    void somethingThatCannotBeAPhoneNumberIsRefused(String typed) {
        assertThat(PhoneNumbers.e164(typed)).isEmpty();
    }

    @Test
    void everyPhoneNumberOfTheTownsExportParses() throws IOException {
        Set<String> phones = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/dossiers-saint-just.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            for (int line = 1; line < lines.length; line++) {
                String[] columns = lines[line].split(";", -1);
                for (int column : new int[] {8, 9, 15}) {
                    if (!columns[column].isEmpty()) {
                        phones.add(columns[column]);
                    }
                }
            }
        }

        assertThat(phones).hasSizeGreaterThan(60);
        assertThat(phones).allSatisfy(phone -> assertThat(PhoneNumbers.e164(phone))
                .as(phone).hasValueSatisfying(e164 -> assertThat(e164).matches("\\+33[1-9][0-9]{8}")));
    }
}
