package fr.espacefamille.platform.eventstore;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.bson.BsonBinaryWriter;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Decimal128;

import java.io.IOException;

/**
 * Writes the tokens of a JSON object, as Jackson's mapper writes a value, straight into BSON
 * bytes: the document the driver would have encoded from the maps and lists the mapper reads
 * back from those tokens, without the maps and lists. An append does it for every payload and
 * metadata.
 *
 * <p>The BSON types are those that path gives: a whole number as a 32-bit integer when Jackson
 * wrote it as an {@code int} (or narrower), as a 64-bit one when it wrote a {@code long}; a
 * floating-point number as a double; a {@code BigDecimal} as a {@code Decimal128}. A value it
 * has no such answer for (a number beyond 64 bits, embedded binary, a root that is not an
 * object) makes it return nothing, and the caller takes the slower path, which knows those
 * cases or refuses them as it always did.
 */
final class BsonFromTokens {

    private BsonFromTokens() {
    }

    /** The object the tokens hold, as BSON; {@code null} when they hold something else. */
    static RawBsonDocument document(JsonParser tokens) throws IOException {
        if (tokens.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        BasicOutputBuffer output = new BasicOutputBuffer(256);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(output)) {
            if (!writeObject(tokens, writer)) {
                return null;
            }
        }
        return new RawBsonDocument(output.getInternalBuffer(), 0, output.getPosition());
    }

    /** Writes the object whose start the parser stands on; false on a value it cannot write. */
    private static boolean writeObject(JsonParser tokens, BsonBinaryWriter writer) throws IOException {
        writer.writeStartDocument();
        for (JsonToken token = tokens.nextToken(); token != JsonToken.END_OBJECT; token = tokens.nextToken()) {
            writer.writeName(tokens.currentName());
            if (!writeValue(tokens.nextToken(), tokens, writer)) {
                return false;
            }
        }
        writer.writeEndDocument();
        return true;
    }

    private static boolean writeValue(JsonToken token, JsonParser tokens, BsonBinaryWriter writer)
            throws IOException {
        switch (token) {
            case START_OBJECT -> {
                return writeObject(tokens, writer);
            }
            case START_ARRAY -> {
                writer.writeStartArray();
                for (JsonToken element = tokens.nextToken(); element != JsonToken.END_ARRAY;
                     element = tokens.nextToken()) {
                    if (!writeValue(element, tokens, writer)) {
                        return false;
                    }
                }
                writer.writeEndArray();
            }
            case VALUE_STRING -> writer.writeString(tokens.getText());
            case VALUE_NUMBER_INT -> {
                return writeWholeNumber(tokens, writer);
            }
            case VALUE_NUMBER_FLOAT -> {
                if (tokens.getNumberType() == JsonParser.NumberType.BIG_DECIMAL) {
                    writer.writeDecimal128(new Decimal128(tokens.getDecimalValue()));
                } else {
                    writer.writeDouble(tokens.getDoubleValue());
                }
            }
            case VALUE_TRUE -> writer.writeBoolean(true);
            case VALUE_FALSE -> writer.writeBoolean(false);
            case VALUE_NULL -> writer.writeNull();
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean writeWholeNumber(JsonParser tokens, BsonBinaryWriter writer) throws IOException {
        switch (tokens.getNumberType()) {
            case INT -> writer.writeInt32(tokens.getIntValue());
            case LONG -> writer.writeInt64(tokens.getLongValue());
            default -> {
                return false;
            }
        }
        return true;
    }
}
