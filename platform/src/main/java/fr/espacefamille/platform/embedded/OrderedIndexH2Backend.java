package fr.espacefamille.platform.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * mongo-java-server's H2 backend (one MVStore file) whose unique indexes compare their keys
 * directly instead of through Java serialization.
 *
 * <p>The stock backend keeps each unique index in an MVMap keyed by the library's
 * {@code KeyValue}, which H2 knows only as a {@code Serializable}: every comparison of a binary
 * search serializes both keys, twice a level of the tree. Every insert, replace and lookup by a
 * unique key went through that; it was about half of the server's time under the event store
 * benchmark. Here the maps of the indexes order keys with {@link IndexKeyType}; documents, their
 * map and the file format of values are unchanged.
 *
 * <p>Keys ordered differently cannot share a map with the old order, so these indexes live in
 * maps of their own name ({@value #ORDERED_SUFFIX} after the stock name). A data file written by
 * the stock backend is migrated when a database opens: each old index map is copied into its new
 * map, in the new order, then removed. Nothing else in the file changes, so the migration
 * happens once and a file stays readable by this backend only.
 *
 * <p>Its collections ({@link IdRangeCollection}) answer a numeric range of {@code _id} from that
 * walk, in order, without the server's generic matcher and sort.
 */
public class OrderedIndexH2Backend extends H2Backend {

    static final String ORDERED_SUFFIX = ".ordered";
    private static final Logger logger = LoggerFactory.getLogger(OrderedIndexH2Backend.class);

    /** Opens (or creates) the MVStore file at {@code fileName}, with the default page cache. */
    public OrderedIndexH2Backend(String fileName) {
        this(fileName, defaultCacheMegabytes());
    }

    /**
     * Opens (or creates) the MVStore file at {@code fileName}, with a page cache of
     * {@code cacheMegabytes} (1 at least). Every read of a document whose page is not cached
     * deserializes the whole page from the file: with H2's own default of 16 MB, about 10,000
     * events fit, and a replay of 100,000 ran at a third of its speed from memory.
     */
    public OrderedIndexH2Backend(String fileName, int cacheMegabytes) {
        this(new MVStore.Builder().fileName(fileName).cacheSize(Math.max(1, cacheMegabytes)).open());
    }

    /** On a store opened by the caller, who chooses its file, cache and background writer. */
    public OrderedIndexH2Backend(MVStore store) {
        super(store);
    }

    /** A sixteenth of the heap, between 16 and 512 MB: 384 MB in a JVM of 6 GB. */
    public static int defaultCacheMegabytes() {
        long sixteenth = Runtime.getRuntime().maxMemory() / 16 / (1024 * 1024);
        return (int) Math.max(16, Math.min(512, sixteenth));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new OrderedIndexDatabase(databaseName, getMvStore(), getCursorRegistry());
    }

    private static final class OrderedIndexDatabase extends H2Database {

        private MVStore store;

        OrderedIndexDatabase(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
            super(databaseName, store, cursorRegistry);
            this.store = store;
            // The stock constructor opens the indexes before this class can know its store.
            super.initializeNamespacesAndIndexes();
        }

        @Override
        protected void initializeNamespacesAndIndexes() {
            if (store != null) {
                super.initializeNamespacesAndIndexes();
            }
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            // The stock backend's map names: the collections stay where it keeps them.
            MVMap<Object, Document> dataMap = store.openMap("databases." + namespace);
            MVMap<String, Object> metaMap = store.openMap("meta." + namespace);
            return new IdRangeCollection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            String stockName = stockMapName(collectionName, indexName);
            MVMap.Builder<KeyValue, Object> ordered = new MVMap.Builder<>();
            ordered.keyType(IndexKeyType.INSTANCE);
            MVMap<KeyValue, Object> map = store.openMap(stockName + ORDERED_SUFFIX, ordered);
            if (store.hasMap(stockName)) {
                MVMap<KeyValue, Object> stock = store.openMap(stockName);
                logger.info("Reordering index [{}] of [{}]: {} keys", indexName, collectionName, stock.sizeAsLong());
                for (Map.Entry<KeyValue, Object> entry : stock.entrySet()) {
                    map.put(entry.getKey(), entry.getValue());
                }
                store.removeMap(stock);
                store.commit();
            }
            return new OrderedUniqueIndex(map, indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            store.removeMap(stockMapName(collection.getCollectionName(), indexName) + ORDERED_SUFFIX);
        }

        /** The name the stock backend gives an index's map. */
        private String stockMapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        }
    }

    /**
     * A unique index on one MVMap, as the stock backend's, with the map given. On {@code _id} it
     * also answers numeric ranges ({@link IdRange}) by walking its keys in order, where the stock
     * index has the collection scanned: its documents come out in {@code _id} order, which
     * {@link IdRangeCollection} then keeps without sorting.
     */
    static final class OrderedUniqueIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;
        private final boolean onId;

        OrderedUniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
            this.onId = keys.size() == 1 && keys.get(0).getKey().equals("_id");
        }

        @Override
        public synchronized boolean canHandle(Document query) {
            return (onId && IdRange.of(query) != null) || super.canHandle(query);
        }

        @Override
        public synchronized Iterable<Object> getPositions(Document query) {
            IdRange range = onId ? IdRange.of(query) : null;
            if (range == null) {
                return super.getPositions(query);
            }
            List<Object> positions = new ArrayList<>();
            Cursor<KeyValue, Object> keys = map.cursor(new KeyValue(range.lowest()));
            while (keys.hasNext() && range.mayHold(keys.next().get(0))) {
                positions.add(keys.getValue());
            }
            // NaN sorts above every double here; the server's matcher decides whether it belongs.
            Object notANumber = map.get(new KeyValue(Double.NaN));
            if (notANumber != null) {
                positions.add(notANumber);
            }
            return positions;
        }

        @Override
        protected Object removeDocument(KeyValue key) {
            return map.remove(key);
        }

        @Override
        protected boolean putKeyPosition(KeyValue key, Object position) {
            return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue key) {
            return map.get(key);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }
}
