package fr.espacefamille.platform.embedded;

import de.bwaldvogel.mongo.bson.Document;

import java.util.Map;

/**
 * A query that asks for a numeric range of {@code _id} and nothing else, such as
 * {@code {_id: {$gt: 100, $lte: 1100}}}: the event store's catch-up read.
 *
 * <p>The server keeps numbers in its index keys as doubles (beyond 2^53, as longs), so the
 * documents whose {@code _id} lies in the range have keys between the two bounds, inclusive,
 * when both bounds are given and are numbers within ±2^53. Any other query, or a bound that is
 * not such a number, is not a range here.
 */
record IdRange(double lowest, boolean lowestIncluded, double highest, boolean highestIncluded) {

    private static final String ID = "_id";
    private static final double EXACT_LIMIT = 0x1p53;
    private static final long EXACT_LONG = 1L << 53;

    /** The range the query asks for, or null when it asks for anything else. */
    static IdRange of(Document query) {
        if (query.size() != 1 || !(query.get(ID) instanceof Document conditions)
                || conditions.isEmpty() || conditions.size() > 2) {
            return null;
        }
        Double lowest = null;
        Double highest = null;
        boolean lowestIncluded = false;
        boolean highestIncluded = false;
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
                    lowestIncluded = condition.getKey().equals("$gte");
                }
                case "$lt", "$lte" -> {
                    if (highest != null) {
                        return null;
                    }
                    highest = bound;
                    highestIncluded = condition.getKey().equals("$lte");
                }
                default -> {
                    return null;
                }
            }
        }
        return lowest == null || highest == null ? null
                : new IdRange(lowest, lowestIncluded, highest, highestIncluded);
    }

    /** Whether an index key value in the walk from the lowest bound is still within the range. */
    boolean mayHold(Object keyValue) {
        return keyValue instanceof Double number && number >= lowest && number <= highest;
    }

    /**
     * Whether an {@code _id} lies in the range, for an integer or a double that compares exactly
     * (no NaN, within ±2^53 for a long); null for any other value, which the server's query
     * matcher must judge.
     */
    Boolean holds(Object id) {
        Double number = exactNumber(id);
        if (number == null || number.isNaN()) {
            return null;
        }
        boolean above = lowestIncluded ? number >= lowest : number > lowest;
        boolean below = highestIncluded ? number <= highest : number < highest;
        return above && below;
    }

    private static Double exactNumber(Object value) {
        if (value instanceof Integer number) {
            return number.doubleValue();
        }
        if (value instanceof Long number) {
            return number >= -EXACT_LONG && number <= EXACT_LONG ? number.doubleValue() : null;
        }
        if (value instanceof Double number) {
            return Math.abs(number) <= EXACT_LIMIT ? number : null;
        }
        return null;
    }
}
