package fr.espacefamille.platform.eventstore;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads the days of stored events, which the mapper wrote as {@code yyyy-MM-dd}, from their
 * digits. Jackson's own deserializer parses them with {@code DateTimeFormatter}, a tenth of a
 * replaying processor's time, the portal's events being full of days; anything but those ten
 * characters (or a day that does not exist) goes to it as before, and so does a field whose
 * format an annotation sets.
 */
final class StoredLocalDates extends StdScalarDeserializer<LocalDate> implements ContextualDeserializer {

    StoredLocalDates() {
        super(LocalDate.class);
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
            throws JsonMappingException {
        JsonFormat.Value format = findFormatOverrides(context, property, LocalDate.class);
        return format == null || format.equals(JsonFormat.Value.empty())
                ? this : LocalDateDeserializer.INSTANCE.createContextual(context, property);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            LocalDate day = fromDigits(parser.getText());
            if (day != null) {
                return day;
            }
        }
        return LocalDateDeserializer.INSTANCE.deserialize(parser, context);
    }

    /** The day of {@code yyyy-MM-dd}, or {@code null} for any other text. */
    static LocalDate fromDigits(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
