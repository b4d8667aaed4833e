package fr.espacefamille.command;

import fr.espacefamille.events.RefusedException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a refusal by its stable code, for the aggregate fixtures' {@code expectException}. */
public final class Refusals {

    private Refusals() {
    }

    public static Matcher<RefusedException> refusedWith(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RefusedException refusal) {
                return code.equals(refusal.code()) && !refusal.getMessage().isBlank();
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal with the code ").appendValue(code);
            }
        };
    }
}
