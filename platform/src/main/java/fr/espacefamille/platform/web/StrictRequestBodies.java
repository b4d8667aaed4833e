package fr.espacefamille.platform.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.Jackson2JsonDecoder;
import org.springframework.util.MimeType;
import org.springframework.web.reactive.config.WebFluxConfigurer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Reads the JSON bodies of HTTP requests strictly, on both sides and in the launcher: a field
 * holds the JSON type it is declared with, every field is known, a key appears once and nothing
 * follows the value. What the decoder refuses, the {@link ApiErrorHandler} answers with the
 * field's name ({@link BodyRefusals}).
 *
 * <p>Only the server's request decoder uses this mapper. The application's {@code ObjectMapper}
 * stays lenient: Axon's serializers, the event store and the read models read with it, and
 * events stored by an older version must stay readable.
 */
public class StrictRequestBodies implements WebFluxConfigurer {

    private final ObjectMapper strict;

    public StrictRequestBodies(ObjectMapper shared) {
        this.strict = strict(shared);
    }

    /** Replaces the JSON decoder that Spring Boot's codec customizers set, hence runs after them. */
    @Override
    public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
        configurer.defaultCodecs().jackson2JsonDecoder(new StrictDecoder(strict));
    }

    /**
     * Jackson's decoder, refusing two bodies it lets through: bytes that are not UTF-8 as the
     * standard writes it (Jackson reads the overlong {@code C0 AF} as a slash), and a lone
     * {@code null}, which it decodes to no value at all, as if the body were missing.
     */
    static final class StrictDecoder extends Jackson2JsonDecoder {

        StrictDecoder(ObjectMapper mapper) {
            super(mapper);
        }

        @Override
        public Object decode(DataBuffer body, ResolvableType targetType, MimeType mimeType, Map<String, Object> hints) {
            if (isUtf8(mimeType) && !isWellFormedUtf8(body)) {
                DataBufferUtils.release(body);
                throw new DecodingException("JSON decoding error: the body is not UTF-8",
                                            new JsonParseException(null, "Malformed UTF-8"));
            }
            Object value = super.decode(body, targetType, mimeType, hints);
            if (value == null) {
                throw new DecodingException("JSON decoding error: null", MismatchedInputException.from(
                        (JsonParser) null, targetType.toClass(), "A lone null is no object"));
            }
            return value;
        }

        private static boolean isUtf8(MimeType mimeType) {
            return mimeType == null || mimeType.getCharset() == null
                    || StandardCharsets.UTF_8.equals(mimeType.getCharset());
        }

        private static boolean isWellFormedUtf8(DataBuffer body) {
            ByteBuffer bytes = ByteBuffer.allocate(body.readableByteCount());
            body.toByteBuffer(body.readPosition(), bytes, 0, bytes.capacity());
            try {
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(bytes);
                return true;
            } catch (CharacterCodingException e) {
                return false;
            }
        }
    }

    /** A copy of the shared mapper (its modules, its naming) that coerces nothing. */
    static ObjectMapper strict(ObjectMapper shared) {
        ObjectMapper strict = shared.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                         DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                         DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                         DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                         DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT,
                         DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL,
                         DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                // A code of the API reads in any case ("book", "monday"), as the invoice mode did.
                .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true)
                .setDefaultLeniency(false);
        refuse(strict, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
               CoercionInputShape.Boolean);
        refuse(strict, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.Integer,
               CoercionInputShape.Float);
        refuse(strict, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float,
               CoercionInputShape.Boolean);
        refuse(strict, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
        refuse(strict, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.Float);
        return strict.registerModule(new SimpleModule("espaceFamille.strictRequestBodies")
                                             .addDeserializer(LocalDate.class, new Day()));
    }

    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /**
     * A day as the API writes it, {@code 2026-10-08}: not an array of numbers, not a number of
     * days, not a date-time cut to its day, and in the portal's years ({@link PortalDates}). An
     * empty string is a day left out, as an empty date field of a form sends it: the request's
     * own check then asks for it.
     */
    static final class Day extends StdScalarDeserializer<LocalDate> {

        Day() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText();
            if (text.isEmpty()) {
                return null;
            }
            try {
                return PortalDates.within(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "not a day (yyyy-mm-dd)");
            }
        }
    }
}
