package fr.espacefamille.events;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuotedTest {

    @Test
    void invisibleAndReorderingCharactersAreLeftOut() {
        assertEquals("0781883093", Quoted.text("\u202e0781883093"));
        assertEquals("06 12 34", Quoted.text(" 06\u200b 12\u2028 34\u0000 "));
        assertEquals("Fermeture : grève", Quoted.text("Fermeture : grève"));
        assertEquals("Grève", Quoted.text("Grève\ufe0f\u034f\u3164"));
        assertEquals("Gre\u0300ve", Quoted.text("Gre\u0300ve"), "a combining accent is kept");
    }

    @Test
    void aLongTextIsCutAfterFortyCharacters() {
        assertEquals("é".repeat(40) + "…", Quoted.text("é".repeat(41)));
        assertEquals("é".repeat(40), Quoted.text("é".repeat(40)));
        assertEquals("", Quoted.text(null));
    }
}
