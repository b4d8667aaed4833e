package fr.espacefamille.platform.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The stock H2 collection, answering a numeric range of {@code _id} ({@link IdRange}) without
 * the server's generic matcher and sort.
 *
 * <p>For such a query the {@code _id} index hands over the positions of its walk, in
 * {@code _id} order. The server would then run each document through its query matcher and sort
 * them all with its document comparator: two thirds of the cost of an event store's catch-up
 * read, where each document is already known to be in range and in order. Here a document whose
 * {@code _id} is an integer or an exact double is checked against the bounds directly, and the
 * sort is skipped when the documents came in increasing order. Any other {@code _id} (a
 * Decimal128, NaN) goes through the matcher, and then the documents are sorted as before.
 */
final class IdRangeCollection extends H2Collection {

    private static final String ID = "_id";

    IdRangeCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                      MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
                      CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy,
                                         int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        IdRange range = ID.equals(getIdField()) ? IdRange.of(query) : null;
        if (range == null || !(isUnordered(orderBy) || isAscendingById(orderBy))) {
            return super.matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        List<Document> found = new ArrayList<>();
        boolean increasing = true;
        double previous = Double.NEGATIVE_INFINITY;
        for (Object position : positions) {
            Document document = getDocument(position);
            Boolean holds = range.holds(document.get(ID));
            if (holds == null ? documentMatchesQuery(document, query) : holds) {
                found.add(document);
                double id = holds == null ? Double.NaN : ((Number) document.get(ID)).doubleValue();
                increasing &= id > previous;
                previous = id;
            }
        }
        Comparator<Document> sort = increasing || isUnordered(orderBy) ? null : deriveComparator(orderBy);
        return matchDocumentsFromStream(new Document(), found.stream(), numberToSkip, limit, batchSize, sort,
                                        fieldSelector);
    }

    private static boolean isUnordered(Document orderBy) {
        return orderBy == null || orderBy.isEmpty();
    }

    private static boolean isAscendingById(Document orderBy) {
        return orderBy.size() == 1 && orderBy.get(ID) instanceof Number direction && direction.intValue() == 1;
    }
}
