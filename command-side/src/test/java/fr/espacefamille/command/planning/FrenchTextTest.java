package fr.espacefamille.command.planning;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Days as a parent reads them, the odd ones typed by mistake included. */
class FrenchTextTest {

    @Test
    void aDayIsWrittenWithItsOwnYear() {
        assertThat(FrenchText.day(LocalDate.of(2027, 1, 11))).isEqualTo("lundi 11 janvier 2027");
        assertThat(FrenchText.day(LocalDate.of(0, 1, 1))).isEqualTo("samedi 1 janvier 0000");
        assertThat(FrenchText.day(LocalDate.of(-1, 12, 31))).isEqualTo("vendredi 31 décembre -0001");
    }
}
