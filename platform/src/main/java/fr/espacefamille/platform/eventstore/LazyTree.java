package fr.espacefamille.platform.eventstore;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.bson.BsonValue;

import java.util.Objects;

/**
 * A payload or metadata as read from BSON, turned into the Jackson tree the serializer reads
 * only when it is asked for. A processor is handed every event but handles a few kinds: the
 * others are never turned into trees, nor deserialized. The tree is not kept: Axon keeps the
 * object it deserializes from it, and an event cached for the processors would otherwise hold
 * its payload twice, the tree being by far the larger.
 *
 * <p>{@link StoredEventSerializer} skips the tree altogether: it reads the value from
 * {@link #tokens()}, written straight from the BSON bytes.
 */
final class LazyTree implements SerializedObject<JsonNode> {

    private final BsonValue bson;
    private final EventDocuments documents;
    private final SerializedType type;

    LazyTree(BsonValue bson, EventDocuments documents, String type, String revision) {
        this.bson = bson;
        this.documents = documents;
        this.type = new SimpleSerializedType(type, revision);
    }

    @Override
    public Class<JsonNode> getContentType() {
        return JsonNode.class;
    }

    @Override
    public SerializedType getType() {
        return type;
    }

    @Override
    public JsonNode getData() {
        return documents.toTree(bson);
    }

    /** The tree's tokens, without the tree. */
    JsonParser tokens() {
        return documents.toTokens(bson);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LazyTree that && type.equals(that.type) && Objects.equals(getData(), that.getData());
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, getData());
    }
}
