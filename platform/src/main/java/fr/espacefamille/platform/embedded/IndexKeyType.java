package fr.espacefamille.platform.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * H2's object type, written and read as before, with index keys compared value by value.
 *
 * <p>A unique index only needs a total order in which two keys compare equal when they are the
 * same key (its maps are looked up by equality only): values of one comparable class (strings,
 * the numbers the server normalizes keys to, dates, booleans, identifiers) by their natural
 * order; values of different classes by class name; anything else (a sub-document, an array)
 * by its serialized bytes, as H2 compares every object it does not know.
 */
final class IndexKeyType extends ObjectDataType {

    static final IndexKeyType INSTANCE = new IndexKeyType();

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            return compareKeys(left, right);
        }
        return super.compare(a, b);
    }

    static int compareKeys(KeyValue left, KeyValue right) {
        int common = Math.min(left.size(), right.size());
        for (int i = 0; i < common; i++) {
            int order = compareValues(left.get(i), right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        Class<?> type = a.getClass();
        if (type != b.getClass()) {
            int byName = type.getName().compareTo(b.getClass().getName());
            return byName != 0 ? byName : compareNotNull(serialize(a), serialize(b));
        }
        if (a instanceof Comparable comparable && consistentWithEquals(type)) {
            return comparable.compareTo(b);
        }
        return compareNotNull(serialize(a), serialize(b));
    }

    /** Classes whose natural order says 0 exactly when {@code equals} is true. */
    private static boolean consistentWithEquals(Class<?> type) {
        return type == String.class || type == Double.class || type == Long.class || type == Integer.class
                || type == Boolean.class || type == java.util.Date.class || type == java.util.UUID.class
                || type == java.time.Instant.class || type == de.bwaldvogel.mongo.bson.ObjectId.class;
    }
}
