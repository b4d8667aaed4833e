package fr.espacefamille.command.account;

import fr.espacefamille.events.RefusedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a parent may choose as a username: ordinary letters of one alphabet, kept composed. */
class InputsTest {

    @Test
    void aUsernameWithLettersThatImitateOthersIsRefused() {
        String fullWidth = "\uff53\uff4f\uff50\uff48\uff49\uff45.l";
        String[] lookAlikes = {"\u017fophie.l", fullWidth, "SOPH\u0130E.L", "\ufb01ona.l", "sophie\u00b2"};
        for (String lookAlike : lookAlikes) {
            assertThatThrownBy(() -> Inputs.username(lookAlike))
                    .as(lookAlike)
                    .isInstanceOfSatisfying(RefusedException.class,
                                            refused -> assertThat(refused.code()).isEqualTo("USERNAME_INVALID"));
        }
    }

    @Test
    void ordinaryLettersOfAnyOneAlphabetAreKeptAsTyped() {
        assertThat(Inputs.username(" Sophie.Lefevre ")).isEqualTo("Sophie.Lefevre");
        assertThat(Inputs.username("M\u00fcller-stra\u00dfe")).isEqualTo("M\u00fcller-stra\u00dfe");
        assertThat(Inputs.username("bobbye\u0301")).isEqualTo("bobby\u00e9");
        assertThat(Inputs.username("\u0421\u043e\u0444\u0438\u044f")).isEqualTo("\u0421\u043e\u0444\u0438\u044f");
        assertThat(Inputs.username("o'neil@mairie")).isEqualTo("o'neil@mairie");
    }

    @Test
    void aUsernameMixingAlphabetsIsRefused() {
        assertThatThrownBy(() -> Inputs.username("s\u043ephie.l"))
                .isInstanceOfSatisfying(RefusedException.class,
                                        refused -> assertThat(refused.code()).isEqualTo("USERNAME_INVALID"));
    }
}
