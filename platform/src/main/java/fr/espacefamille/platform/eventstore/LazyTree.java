package fr.espacefamille.platform.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;

import java.util.Objects;
import java.util.function.Function;

/**
 * A payload or metadata as read from BSON, turned into the Jackson tree the serializer reads
 * only when it is first asked for. A processor is handed every event but handles a few kinds:
 * the others are never turned into trees, nor deserialized. Once turned, the BSON is let go: a
 * cached event holds one copy of its payload, not two.
 */
final class LazyTree implements SerializedObject<JsonNode> {

    private Object bson;
    private final Function<Object, JsonNode> toTree;
    private final SerializedType type;
    private volatile JsonNode tree;

    LazyTree(Object bson, Function<Object, JsonNode> toTree, String type, String revision) {
        this.bson = bson;
        this.toTree = toTree;
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
        JsonNode read = tree;
        if (read == null) {
            synchronized (this) {
                read = tree;
                if (read == null) {
                    read = toTree.apply(bson);
                    tree = read;
                    bson = null;
                }
            }
        }
        return read;
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
