package fr.espacefamille.platform.eventstore;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.BsonBinaryReader;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.ByteBuf;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonValueCodec;
import org.bson.codecs.DecoderContext;
import org.bson.io.ByteBufferBsonInput;

import java.io.IOException;
import java.time.Instant;
import java.util.Date;

/**
 * Turns event messages into BSON documents and back.
 *
 * <p>Payload and metadata are written by the event serializer's Jackson mapper and stored as
 * nested BSON documents, so that an event reads as plain JSON in any MongoDB console. The
 * payload type and revision are kept beside it for upcasting. A BSON date holds milliseconds,
 * so the nanoseconds of the timestamp are kept beside it too: an event read back from the store
 * is the event that was published, to the nanosecond, and a replayed projection the same.
 *
 * <p>An event document looks like this:
 * <pre>
 * { _id: 42,                                  // global position, gap-aware token index
 *   streamKey: "D-0012#3",                    // aggregate id and sequence, unique
 *   aggregateIdentifier: "D-0012", sequenceNumber: 3, aggregateType: "Dossier",
 *   eventIdentifier: "…", timestamp: ISODate("…"), nanos: 123456789,
 *   payloadType: "fr.espacefamille.events.dossier.DossierRegisteredEvent", payloadRevision: null,
 *   payload: { … }, metaData: { … } }
 * </pre>
 */
final class EventDocuments {

    static final String POSITION = "_id";
    static final String STREAM_KEY = "streamKey";
    static final String AGGREGATE_IDENTIFIER = "aggregateIdentifier";
    static final String SEQUENCE_NUMBER = "sequenceNumber";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String EVENT_IDENTIFIER = "eventIdentifier";
    static final String TIMESTAMP = "timestamp";
    static final String NANOS = "nanos";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";

    private final ObjectMapper objectMapper;

    EventDocuments(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /**
     * The key that makes an aggregate's sequence number unique. Events published outside an
     * aggregate get a key of their own, so that they never collide.
     */
    static String streamKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + "#" + sequenceNumber;
    }

    Document toDocument(EventMessage<?> event, Serializer serializer, Long position) {
        SerializedType payloadType = serializer.typeForClass(event.getPayloadType());
        Document document = new Document();
        if (position != null) {
            document.append(POSITION, position);
        }
        if (event instanceof DomainEventMessage<?> domainEvent && domainEvent.getType() != null) {
            document.append(STREAM_KEY,
                            streamKey(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber()))
                    .append(AGGREGATE_IDENTIFIER, domainEvent.getAggregateIdentifier())
                    .append(SEQUENCE_NUMBER, domainEvent.getSequenceNumber())
                    .append(AGGREGATE_TYPE, domainEvent.getType());
        } else {
            document.append(STREAM_KEY, "~" + event.getIdentifier());
        }
        return document.append(EVENT_IDENTIFIER, event.getIdentifier())
                       .append(TIMESTAMP, Date.from(event.getTimestamp()))
                       .append(NANOS, event.getTimestamp().getNano())
                       .append(PAYLOAD_TYPE, payloadType.getName())
                       .append(PAYLOAD_REVISION, payloadType.getRevision())
                       .append(PAYLOAD, toBson(event.getPayload(), serializer))
                       .append(META_DATA, toBson(event.getMetaData(), serializer));
    }

    /**
     * An event or snapshot as read, the driver's raw bytes, read in one pass: its fields are
     * decoded where they lie, and its payload and metadata stay slices of the same bytes until
     * a handler asks for them as trees.
     */
    StoredEvent fromStored(RawBsonDocument document, TrackingToken token) {
        StoredFields fields = new StoredFields();
        ByteBuf bytes = document.getByteBuffer();
        try (BsonBinaryReader reader = new BsonBinaryReader(new ByteBufferBsonInput(bytes))) {
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                fields.read(reader.readName(), reader, bytes.array());
            }
            reader.readEndDocument();
        }
        boolean domainEvent = fields.aggregateType != null;
        return new StoredEvent(
                token,
                fields.aggregateType,
                domainEvent ? fields.aggregateIdentifier : fields.eventIdentifier,
                domainEvent ? fields.sequenceNumber : 0L,
                fields.eventIdentifier,
                timestamp(fields.timestamp, fields.nanos),
                new LazyTree(fields.payload, this, fields.payloadType, fields.payloadRevision),
                new LazyTree(fields.metaData, this, MetaData.class.getName(), null));
    }

    /** The fields of a stored event that make its message, as one pass over its bytes finds them. */
    private static final class StoredFields {

        private static final BsonValueCodec VALUES = new BsonValueCodec();
        private static final DecoderContext DECODING = DecoderContext.builder().build();

        String aggregateType;
        String aggregateIdentifier;
        long sequenceNumber;
        String eventIdentifier;
        long timestamp;
        Integer nanos;
        String payloadType;
        String payloadRevision;
        BsonValue payload;
        BsonValue metaData;

        void read(String name, BsonBinaryReader reader, byte[] bytes) {
            switch (name) {
                case AGGREGATE_TYPE -> aggregateType = stringOrNull(reader);
                case AGGREGATE_IDENTIFIER -> aggregateIdentifier = stringOrNull(reader);
                case SEQUENCE_NUMBER -> sequenceNumber = number(reader);
                case EVENT_IDENTIFIER -> eventIdentifier = reader.readString();
                case TIMESTAMP -> timestamp = reader.readDateTime();
                case NANOS -> nanos = (int) number(reader);
                case PAYLOAD_TYPE -> payloadType = stringOrNull(reader);
                case PAYLOAD_REVISION -> payloadRevision = stringOrNull(reader);
                case PAYLOAD -> payload = value(reader, bytes);
                case META_DATA -> metaData = value(reader, bytes);
                default -> reader.skipValue();
            }
        }

        private static String stringOrNull(BsonBinaryReader reader) {
            if (reader.getCurrentBsonType() == BsonType.NULL) {
                reader.readNull();
                return null;
            }
            return reader.readString();
        }

        private static long number(BsonBinaryReader reader) {
            return switch (reader.getCurrentBsonType()) {
                case INT32 -> reader.readInt32();
                case INT64 -> reader.readInt64();
                case DOUBLE -> (long) reader.readDouble();
                default -> throw new SerializationException("A stored event has a number of type "
                                                                    + reader.getCurrentBsonType());
            };
        }

        /** A sub-document as a slice of the stored bytes, anything else decoded. */
        private static BsonValue value(BsonBinaryReader reader, byte[] bytes) {
            if (reader.getCurrentBsonType() != BsonType.DOCUMENT) {
                return VALUES.decode(reader, DECODING);
            }
            int start = reader.getBsonInput().getPosition();
            int length = (bytes[start] & 0xff) | (bytes[start + 1] & 0xff) << 8
                    | (bytes[start + 2] & 0xff) << 16 | (bytes[start + 3] & 0xff) << 24;
            reader.skipValue();
            return new RawBsonDocument(bytes, start, length);
        }
    }

    /**
     * The event's global position: its {@code _id}, the first field of every stored event, read
     * where it lies (the document's map view would walk it twice).
     */
    static long positionOf(RawBsonDocument document) {
        try (BsonBinaryReader reader = new BsonBinaryReader(new ByteBufferBsonInput(document.getByteBuffer()))) {
            reader.readStartDocument();
            if (reader.readBsonType() == BsonType.INT64 && reader.readName().equals(POSITION)) {
                return reader.readInt64();
            }
        }
        return document.getNumber(POSITION).longValue();
    }

    static Instant timestampOf(BsonDocument document) {
        BsonValue nanos = document.get(NANOS);
        Integer nanoseconds = nanos == null ? null : nanos.asNumber().intValue();
        return timestamp(document.getDateTime(TIMESTAMP).getValue(), nanoseconds);
    }

    /** The BSON date's milliseconds, with the nanoseconds kept beside it when there are. */
    private static Instant timestamp(long millis, Integer nanos) {
        Instant timestamp = Instant.ofEpochMilli(millis);
        return nanos == null ? timestamp : Instant.ofEpochSecond(timestamp.getEpochSecond(), nanos);
    }

    /**
     * The value as the serializer writes it, as BSON. A Jackson serializer's mapper writes it
     * into a token buffer; an object's tokens become BSON bytes at once ({@link BsonFromTokens}),
     * anything else is read back as the maps, lists and scalars the driver encodes. Any other
     * serializer goes through its Jackson tree.
     */
    private Object toBson(Object value, Serializer serializer) {
        if (serializer instanceof StoredEventSerializer stored) {
            serializer = stored.jackson();
        }
        if (serializer instanceof JacksonSerializer jackson) {
            ObjectMapper mapper = jackson.getObjectMapper();
            try (TokenBuffer buffer = new TokenBuffer(mapper, false)) {
                mapper.writeValue(buffer, value);
                if (readsNumbersAsWritten(mapper)) {
                    try (JsonParser tokens = buffer.asParser()) {
                        RawBsonDocument document = BsonFromTokens.document(tokens);
                        if (document != null) {
                            return document;
                        }
                    }
                }
                try (JsonParser parser = buffer.asParser()) {
                    return mapper.readValue(parser, Object.class);
                }
            } catch (IOException e) {
                throw new SerializationException("Could not write [" + value.getClass().getName() + "] as BSON", e);
            }
        }
        return objectMapper.convertValue(serializer.serialize(value, JsonNode.class).getData(), Object.class);
    }

    /**
     * Whether the mapper reads numbers back with the types they were written with, as
     * {@link BsonFromTokens} writes them; a mapper told to widen them takes the slower path.
     */
    private static boolean readsNumbersAsWritten(ObjectMapper mapper) {
        return !mapper.isEnabled(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                && !mapper.isEnabled(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                && !mapper.isEnabled(DeserializationFeature.USE_LONG_FOR_INTS);
    }

    /**
     * The tokens of {@link #toTree}'s tree, written as the BSON bytes are read, without the tree:
     * a mapper reads the same value from either, and a handled event's payload and metadata are
     * read this way (the tree is for upcasters and anything else that asks for one).
     */
    JsonParser toTokens(BsonValue value) {
        TokenBuffer tokens = new TokenBuffer(objectMapper, false);
        try {
            if (value instanceof RawBsonDocument raw) {
                try (BsonBinaryReader reader = new BsonBinaryReader(new ByteBufferBsonInput(raw.getByteBuffer()))) {
                    reader.readBsonType();
                    copy(reader, tokens);
                }
            } else {
                tokens.writeTree(toTree(value));
            }
            return tokens.asParser();
        } catch (IOException e) {
            throw new SerializationException("Could not read a stored value", e);
        }
    }

    /** Copies the reader's current value, as {@link #toTree} would turn it into nodes. */
    private void copy(BsonBinaryReader reader, TokenBuffer out) throws IOException {
        switch (reader.getCurrentBsonType()) {
            case DOCUMENT -> {
                reader.readStartDocument();
                out.writeStartObject();
                while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                    out.writeFieldName(reader.readName());
                    copy(reader, out);
                }
                reader.readEndDocument();
                out.writeEndObject();
            }
            case ARRAY -> {
                reader.readStartArray();
                out.writeStartArray();
                while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                    copy(reader, out);
                }
                reader.readEndArray();
                out.writeEndArray();
            }
            case STRING -> out.writeString(reader.readString());
            case INT32 -> out.writeNumber(reader.readInt32());
            case INT64 -> out.writeNumber(reader.readInt64());
            case DOUBLE -> out.writeNumber(reader.readDouble());
            case BOOLEAN -> out.writeBoolean(reader.readBoolean());
            case NULL -> {
                reader.readNull();
                out.writeNull();
            }
            default -> out.writeTree(toTree(StoredFields.VALUES.decode(reader, StoredFields.DECODING)));
        }
    }

    /** The tree Jackson would make of the decoded document, made straight from the BSON values. */
    JsonNode toTree(BsonValue value) {
        JsonNodeFactory nodes = objectMapper.getNodeFactory();
        return switch (value.getBsonType()) {
            case DOCUMENT -> {
                ObjectNode node = nodes.objectNode();
                value.asDocument().forEach((key, field) -> node.set(key, toTree(field)));
                yield node;
            }
            case ARRAY -> {
                ArrayNode node = nodes.arrayNode();
                value.asArray().forEach(element -> node.add(toTree(element)));
                yield node;
            }
            case STRING -> nodes.textNode(value.asString().getValue());
            case INT32 -> nodes.numberNode(value.asInt32().getValue());
            case INT64 -> nodes.numberNode(value.asInt64().getValue());
            case DOUBLE -> nodes.numberNode(value.asDouble().getValue());
            case DECIMAL128 -> nodes.numberNode(value.asDecimal128().getValue().bigDecimalValue());
            case BOOLEAN -> nodes.booleanNode(value.asBoolean().getValue());
            case NULL, UNDEFINED -> nodes.nullNode();
            case DATE_TIME -> objectMapper.valueToTree(new Date(value.asDateTime().getValue()));
            default -> nodes.textNode(value.toString());
        };
    }
}
