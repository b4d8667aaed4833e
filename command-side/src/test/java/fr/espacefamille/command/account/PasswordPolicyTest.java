package fr.espacefamille.command.account;

import fr.espacefamille.events.RefusedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a parent's password must be. */
class PasswordPolicyTest {

    private static final PasswordPolicy POLICY = new PasswordPolicy();

    @Test
    void aShortPasswordIsRefused() {
        assertThatThrownBy(() -> POLICY.check("Zq8#kP2!x", "lefevre"))
                .isInstanceOfSatisfying(RefusedException.class, e -> e.code().equals("PASSWORD_TOO_SHORT"))
                .hasMessageContaining("12 caractères");
    }

    @ParameterizedTest
    @ValueSource(strings = {"motdepasse123", "azertyuiop123", "123456789012", "passwordpassword",
                            "lefevrelefevre", "Espace-Famille2026"})
    void aCommonOrGuessablePasswordIsRefused(String password) {
        assertThatThrownBy(() -> POLICY.check(password, "lefevre"))
                .isInstanceOfSatisfying(RefusedException.class,
                                        e -> org.assertj.core.api.Assertions.assertThat(e.code())
                                                .isEqualTo("PASSWORD_TOO_COMMON"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"trois chats sur un toit rouge", "la girafe mange des cerises", "Vélo-Poisson-Lune-42!"})
    void aPassphraseIsAccepted(String password) {
        assertThatCode(() -> POLICY.check(password, "lefevre")).doesNotThrowAnyException();
    }
}
