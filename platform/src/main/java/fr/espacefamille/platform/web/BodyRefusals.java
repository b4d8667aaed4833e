package fr.espacefamille.platform.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import fr.espacefamille.platform.web.ApiErrorHandler.Answer;
import org.springframework.http.HttpStatus;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The answers to a JSON request body that the strict decoder refused ({@link StrictRequestBodies}):
 * the field named, and what it should hold, in French.
 *
 * <ul>
 *   <li>{@code JSON_INVALID}: no JSON, or more than one value, or a key twice.</li>
 *   <li>{@code FIELD_UNKNOWN}: a field the request does not have (a misspelt name).</li>
 *   <li>{@code FIELD_TYPE_INVALID}: a field of the wrong type or format.</li>
 * </ul>
 */
final class BodyRefusals {

    private static final String DUPLICATE_FIELD = "Duplicate field '";

    private BodyRefusals() {
    }

    /** The answer to the Jackson failure found among the causes, or {@code null} if none is the input's. */
    static Answer answerFor(Throwable decoding) {
        JacksonException first = null;
        for (Throwable cause = decoding; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException || cause instanceof StreamConstraintsException) {
                // Malformed input, even when a mapping failure wraps it (a body cut in a value).
                return invalidJson(malformed((JacksonException) cause));
            }
            if (first == null && cause instanceof JacksonException jackson) {
                first = jackson;
            }
        }
        return first == null ? null : answerFor(first);
    }

    private static Answer answerFor(JacksonException failure) {
        if (failure instanceof StreamReadException || failure instanceof StreamConstraintsException) {
            return invalidJson(malformed(failure));
        }
        if (!(failure instanceof MismatchedInputException mismatch)) {
            return null;
        }
        List<Reference> path = mismatch.getPath();
        if (mismatch instanceof UnrecognizedPropertyException) {
            return refusal("FIELD_UNKNOWN", "La demande contient un champ inconnu : « " + field(path)
                    + " ». Vérifiez son nom.");
        }
        if (path.isEmpty()) {
            return invalidJson("La demande est mal formée : elle doit contenir un seul objet JSON, sans rien après.");
        }
        boolean element = path.get(path.size() - 1).getIndex() >= 0;
        return refusal("FIELD_TYPE_INVALID", (element ? "Chaque élément du champ « " : "Le champ « ") + field(path)
                + " » doit être " + expected(mismatch.getTargetType()) + ".");
    }

    private static String malformed(JacksonException failure) {
        String message = failure.getOriginalMessage();
        if (message != null && message.startsWith(DUPLICATE_FIELD)) {
            String name = message.substring(DUPLICATE_FIELD.length(), message.lastIndexOf('\''));
            return "La demande est mal formée : le champ « " + name + " » y figure deux fois.";
        }
        return "La demande est mal formée : son contenu n'est pas du JSON valide.";
    }

    /** The field's name as the request writes it: {@code reason}, or {@code child.name} inside an object. */
    private static String field(List<Reference> path) {
        return path.stream().map(Reference::getFieldName).filter(Objects::nonNull).collect(Collectors.joining("."));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "d'un autre type";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class) {
            return "un texte";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "vrai ou faux (true ou false)";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "un nombre";
        }
        if (type == LocalDate.class) {
            return "une date écrite AAAA-MM-JJ, par exemple 2026-09-01";
        }
        if (type.isEnum()) {
            return "l'une de ces valeurs : " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name()).collect(Collectors.joining(", "));
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "une liste";
        }
        return "un objet";
    }

    private static Answer invalidJson(String message) {
        return refusal("JSON_INVALID", message);
    }

    private static Answer refusal(String code, String message) {
        return new Answer(HttpStatus.BAD_REQUEST, code, message);
    }
}
