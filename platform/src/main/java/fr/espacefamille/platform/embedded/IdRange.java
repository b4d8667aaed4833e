package fr.espacefamille.platform.embedded;

import de.bwaldvogel.mongo.bson.Document;

import java.util.Map;

/**
 * A query that asks for a numeric range of {@code _id} and nothing else, such as
 * {@code {_id: {$gt: 100, $lte: 1100}}}: the event store's catch-up read.
 *
 * <p>The server keeps numbers in its index keys as doubles (beyond 2^53, as longs), so the
 * documents whose {@code _id} lies in the range have keys between the two bounds, inclusive,
 * when both bounds are given and are numbers within ±2^53. Strictness and
 * mixed numeric types are left to the server's query matcher, which still sees every document.
 * Any other query, or a bound that is not such a number, is not a range here.
 */
record IdRange(double lowest, double highest) {

    private static final String ID = "_id";
    private static final double EXACT_LIMIT = 0x1p53;

    /** The range the query asks for, or null when it asks for anything else. */
    static IdRange of(Document query) {
        if (query.size() != 1 || !(query.get(ID) instanceof Document conditions)
                || conditions.isEmpty() || conditions.size() > 2) {
            return null;
        }
        Double lowest = null;
        Double highest = null;
        for (Map.Entry<String, Object> condition : conditions.entrySet()) {
            Double bound = exactNumber(condition.getValue());
            if (bound == null) {
                return null;
            }
            switch (condition.getKey()) {
                case "$gt", "$gte" -> {
                    if (lowest != null) {
                        return null;
                    }
                    lowest = bound;
                }
                case "$lt", "$lte" -> {
                    if (highest != null) {
                        return null;
                    }
                    highest = bound;
                }
                default -> {
                    return null;
                }
            }
        }
        return lowest == null || highest == null ? null : new IdRange(lowest, highest);
    }

    /** Whether an index key value in the walk from the lowest bound is still within the range. */
    boolean mayHold(Object keyValue) {
        return keyValue instanceof Double number && number >= lowest && number <= highest;
    }

    private static Double exactNumber(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Double) {
            double number = ((Number) value).doubleValue();
            return Math.abs(number) <= EXACT_LIMIT ? number : null;
        }
        return null;
    }
}
