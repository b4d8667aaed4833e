package fr.espacefamille.platform.eventstore;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.IOException;

/**
 * The events' Jackson serializer, reading what the store hands out without Jackson trees.
 *
 * <p>A stored payload or metadata reaches the serializer as a {@link LazyTree}, which Axon's
 * serializer would turn into a tree and then read. This one has the mapper read its tokens,
 * written straight from the BSON bytes: the same value, without a node per field, which was
 * about a third of a replaying processor's time. Anything else, an upcaster's output included,
 * goes to the serializer as it is; so does everything but reading.
 */
final class StoredEventSerializer implements Serializer {

    private final JacksonSerializer serializer;
    private final ObjectMapper objectMapper;

    StoredEventSerializer(JacksonSerializer serializer) {
        this.serializer = serializer;
        this.objectMapper = serializer.getObjectMapper();
    }

    /** The serializer this one reads for. */
    JacksonSerializer jackson() {
        return serializer;
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (!(serializedObject instanceof LazyTree stored) || SerializedType.emptyType().equals(stored.getType())) {
            return serializer.deserialize(serializedObject);
        }
        Class<?> type = serializer.classForType(stored.getType());
        if (UnknownSerializedType.class.isAssignableFrom(type)) {
            return serializer.deserialize(serializedObject);
        }
        try (JsonParser tokens = stored.tokens()) {
            @SuppressWarnings("unchecked")
            T value = (T) objectMapper.readerFor(type).readValue(tokens);
            return value;
        } catch (IOException e) {
            throw new SerializationException("Error while deserializing object", e);
        }
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        return serializer.serialize(object, expectedRepresentation);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return serializer.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return serializer.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return serializer.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return serializer.getConverter();
    }
}
