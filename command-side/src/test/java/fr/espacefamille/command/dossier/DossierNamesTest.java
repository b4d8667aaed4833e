package fr.espacefamille.command.dossier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The dossier name as parents type it, against the town's letter. */
class DossierNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "lefevre|LEFÈVRE", "Lefèvre|LEFÈVRE", "dangelo|D'ANGELO", "d angelo|D'ANGELO", "D’Angelo|D'ANGELO",
            "delatour|DE LA TOUR", "de-la-tour|DE LA TOUR", "celik|ÇELIK", "martin dubois|MARTIN-DUBOIS",
            "BENSALAH|BEN SALAH", "ndiaye|N'DIAYE", "francois|FRANÇOIS", " Martin |MARTIN"})
    void namesMatchWhateverTheCaseAccentsSpacesHyphensOrApostrophes(String typed, String official) {
        assertThat(DossierNames.match(typed, official)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"',
               value = {"martin|MARTIN-DUBOIS", "lefebvre|LEFÈVRE", "'-|D'ANGELO", "|MARTIN"})
    void otherNamesDoNotMatch(String typed, String official) {
        assertThat(DossierNames.match(typed, official)).isFalse();
    }
}
