package fr.espacefamille.platform.eventstore;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The events' Jackson serializer, reading what the store hands out without Jackson trees.
 *
 * <p>A stored payload or metadata reaches the serializer as a {@link LazyTree}, which Axon's
 * serializer would turn into a tree and then read. This one has the mapper read its tokens,
 * written straight from the BSON bytes: the same value, without a node per field, which was
 * about a third of a replaying processor's time. Anything else, an upcaster's output included,
 * goes to the serializer as it is; so does everything but reading.
 *
 * <p>It keeps one reader per type, so that the mapper finds a type's deserializer once rather
 * than for each event. Metadata is read as the map it is: Axon's own deserializer for it looks
 * its map deserializer up again for every message, and a processor reads the metadata of every
 * event it handles (for the correlation data of what the handler sends). Days are read from
 * their digits ({@link StoredLocalDates}).
 *
 * <p>It also remembers the class of each stored type name. Axon asks for it several times per
 * event (to read the payload, to match handlers), and Jackson answers each time with
 * {@code Class.forName}: a seventh of a replaying processor's time. A type whose class is not
 * on the class path is asked again each time, as before.
 */
final class StoredEventSerializer implements Serializer {

    private final JacksonSerializer serializer;
    private final ObjectMapper objectMapper;
    private final ObjectReader metaDataReader;
    private final ConcurrentMap<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();
    private final ConcurrentMap<SerializedType, Class<?>> classes = new ConcurrentHashMap<>();

    StoredEventSerializer(JacksonSerializer serializer) {
        this.serializer = serializer;
        this.objectMapper = serializer.getObjectMapper().copy()
                .registerModule(new SimpleModule("stored-local-dates")
                                        .addDeserializer(LocalDate.class, new StoredLocalDates()));
        this.metaDataReader = objectMapper.readerFor(
                objectMapper.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
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
        Class<?> type = classForType(stored.getType());
        if (UnknownSerializedType.class.isAssignableFrom(type)) {
            return serializer.deserialize(serializedObject);
        }
        try (JsonParser tokens = stored.tokens()) {
            Object value = type == MetaData.class
                    ? MetaData.from(metaDataReader.<Map<String, Object>>readValue(tokens))
                    : readers.computeIfAbsent(type, objectMapper::readerFor).readValue(tokens);
            @SuppressWarnings("unchecked")
            T typed = (T) value;
            return typed;
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
        Class<?> known = classes.get(type);
        if (known != null) {
            return known;
        }
        Class<?> found = serializer.classForType(type);
        if (!UnknownSerializedType.class.isAssignableFrom(found)) {
            classes.put(type, found);
        }
        return found;
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
