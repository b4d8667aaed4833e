package fr.espacefamille.platform.eventstore;

import com.fasterxml.jackson.core.JsonParser;
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
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;

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
     * An event or snapshot as read, the driver's raw bytes: its fields are read where they lie,
     * and its payload and metadata become trees only if a handler asks for them.
     */
    StoredEvent fromStored(RawBsonDocument document, TrackingToken token) {
        String aggregateType = stringOrNull(document, AGGREGATE_TYPE);
        boolean domainEvent = aggregateType != null;
        String eventIdentifier = document.getString(EVENT_IDENTIFIER).getValue();
        return new StoredEvent(
                token,
                aggregateType,
                domainEvent ? document.getString(AGGREGATE_IDENTIFIER).getValue() : eventIdentifier,
                domainEvent ? document.getNumber(SEQUENCE_NUMBER).longValue() : 0L,
                eventIdentifier,
                timestampOf(document),
                new LazyTree(document.get(PAYLOAD), this::toTree, stringOrNull(document, PAYLOAD_TYPE),
                             stringOrNull(document, PAYLOAD_REVISION)),
                new LazyTree(document.get(META_DATA), this::toTree, MetaData.class.getName(), null));
    }

    static long positionOf(RawBsonDocument document) {
        return document.getNumber(POSITION).longValue();
    }

    private static String stringOrNull(BsonDocument document, String key) {
        BsonValue value = document.get(key);
        return value == null || value.isNull() ? null : value.asString().getValue();
    }

    static Instant timestampOf(BsonDocument document) {
        Instant timestamp = Instant.ofEpochMilli(document.getDateTime(TIMESTAMP).getValue());
        BsonValue nanos = document.get(NANOS);
        return nanos == null ? timestamp
                             : Instant.ofEpochSecond(timestamp.getEpochSecond(), nanos.asNumber().intValue());
    }

    /**
     * The value as the serializer writes it, as the maps, lists and scalars BSON is made of. A
     * Jackson serializer's mapper writes it into a token buffer that is read back at once; any
     * other serializer goes through its Jackson tree.
     */
    private Object toBson(Object value, Serializer serializer) {
        if (serializer instanceof JacksonSerializer jackson) {
            ObjectMapper mapper = jackson.getObjectMapper();
            try (TokenBuffer buffer = new TokenBuffer(mapper, false)) {
                mapper.writeValue(buffer, value);
                try (JsonParser parser = buffer.asParser()) {
                    return mapper.readValue(parser, Object.class);
                }
            } catch (IOException e) {
                throw new SerializationException("Could not write [" + value.getClass().getName() + "] as BSON", e);
            }
        }
        return objectMapper.convertValue(serializer.serialize(value, JsonNode.class).getData(), Object.class);
    }

    /** The tree Jackson would make of the decoded document, made straight from the BSON values. */
    private JsonNode toTree(BsonValue value) {
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
