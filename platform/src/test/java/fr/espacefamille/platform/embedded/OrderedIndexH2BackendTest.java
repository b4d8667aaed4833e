package fr.espacefamille.platform.embedded;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The H2 backend with directly compared index keys, through the driver, across restarts. */
class OrderedIndexH2BackendTest {

    private static final int DOCUMENTS = 2_000;

    @TempDir
    Path folder;

    @Test
    void uniqueKeysOfEveryKindAreFoundAndEnforcedBeforeAndAfterARestart() {
        String file = folder.resolve("mongo.mv").toString();
        withServer(new OrderedIndexH2Backend(file), items -> {
            fill(items);
            assertEveryItemIsFound(items);
        });

        withServer(new OrderedIndexH2Backend(file), items -> {
            assertEveryItemIsFound(items);
            assertRefusedAsDuplicate(() -> items.insertOne(item(17).append("_id", "another")));
            items.replaceOne(Filters.eq("_id", "item-17"), item(DOCUMENTS + 1).append("_id", "item-17"));
            assertThat(items.find(Filters.eq("code", code(DOCUMENTS + 1))).first()).extracting(d -> d.get("_id"))
                    .isEqualTo("item-17");
            assertThat(items.find(Filters.eq("code", code(17))).first()).isNull();
            items.insertOne(item(17).append("_id", "item-17-again"));
        });
    }

    @Test
    void aFileOfTheStockBackendIsMigratedOnceAndKeepsItsKeys() {
        String file = folder.resolve("mongo.mv").toString();
        withServer(new H2Backend(file), items -> {
            fill(items);
        });

        withServer(new OrderedIndexH2Backend(file), items -> {
            assertEveryItemIsFound(items);
            assertRefusedAsDuplicate(() -> items.insertOne(item(1_234).append("_id", "another")));
            assertRefusedAsDuplicate(() -> items.insertOne(new Document("_id", "item-1")));
        });

        List<String> maps = mapNames(file);
        assertThat(maps).filteredOn(name -> name.contains("._index_"))
                .isNotEmpty()
                .allMatch(name -> name.endsWith(OrderedIndexH2Backend.ORDERED_SUFFIX));
    }

    @Test
    void aDroppedIndexLeavesNoMapBehind() {
        String file = folder.resolve("mongo.mv").toString();
        withServer(new OrderedIndexH2Backend(file), items -> {
            items.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true).name("by_code"));
            items.insertMany(IntStream.range(0, 100).mapToObj(OrderedIndexH2BackendTest::item).toList());
            items.dropIndex("by_code");
            items.insertOne(item(5).append("_id", "same code, no index any more"));
        });

        assertThat(mapNames(file)).noneMatch(name -> name.contains("by_code"));
    }

    @Test
    void rangesOfIdAreAnsweredAsTheStockBackendAnswersThem() {
        List<Object> ids = new ArrayList<>();
        for (long position = 1; position <= 1_500; position++) {
            if (position % 7 != 0) {
                ids.add(position);
            }
        }
        ids.addAll(List.of(-3L, 0.5, 2.75, 99.5, 1_000.25, 14, 1_600, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
                           Double.NEGATIVE_INFINITY, (1L << 53) + 1, -(1L << 53) - 3,
                           new Decimal128(new BigDecimal("700.5")), new Decimal128(new BigDecimal("1400.0000001")),
                           "100", "1200", new ObjectId(), new Date(50), true));
        // Without H2's background writer: a map whose keys are of several serialized classes (ObjectId,
        // Decimal128 here) shares one mutable type cache between lookups and the writer, and a lookup
        // racing a page being written can fail with "Can not compare". The event store's _id are all
        // longs, which never switch that cache.
        MongoServer stock = new MongoServer(new H2Backend(withoutBackgroundWriter(folder.resolve("stock.mv"))));
        MongoServer ordered = new MongoServer(new OrderedIndexH2Backend(
                withoutBackgroundWriter(folder.resolve("mongo.mv"))));
        try (MongoClient stockClient = MongoClients.create("mongodb://127.0.0.1:" + stock.bind().getPort());
             MongoClient orderedClient = MongoClients.create("mongodb://127.0.0.1:" + ordered.bind().getPort())) {
            MongoCollection<Document> expected = stockClient.getDatabase("test").getCollection("items");
            MongoCollection<Document> actual = orderedClient.getDatabase("test").getCollection("items");
            List<Document> documents = ids.stream().map(id -> new Document("_id", id).append("v", "" + id)).toList();
            expected.insertMany(documents);
            actual.insertMany(documents);

            Random random = new Random(11);
            List<Object> bounds = List.of(0, 1L, 6, 7.0, 12L, 99.5, 100, 700.5, 999L, 1_400, 1_499.99, 1_500L, 1_600,
                                          2_000, -1L, 0.5, 9_007_199_254_740_992L, -9_007_199_254_740_992L);
            List<String> lower = List.of("$gt", "$gte");
            List<String> upper = List.of("$lt", "$lte");
            for (int n = 0; n < 300; n++) {
                Document range = new Document();
                if (random.nextInt(4) > 0) {
                    range.append(lower.get(random.nextInt(2)), bounds.get(random.nextInt(bounds.size())));
                }
                if (range.isEmpty() || random.nextInt(4) > 0) {
                    range.append(upper.get(random.nextInt(2)), bounds.get(random.nextInt(bounds.size())));
                }
                Document query = new Document("_id", range);
                assertThat(idsOf(actual.find(query).sort(Sorts.ascending("_id"))))
                        .as(query.toJson())
                        .containsExactlyElementsOf(idsOf(expected.find(query).sort(Sorts.ascending("_id"))));
                assertThat(idsOf(actual.find(query)))
                        .as(query.toJson())
                        .containsExactlyInAnyOrderElementsOf(idsOf(expected.find(query)));
                int skip = random.nextInt(5);
                int limit = 1 + random.nextInt(50);
                assertThat(actual.find(query).sort(Sorts.ascending("_id")).skip(skip).limit(limit)
                                 .projection(Projections.include("v")).into(new ArrayList<>()))
                        .as(query.toJson() + " skip " + skip + " limit " + limit)
                        .containsExactlyElementsOf(expected.find(query).sort(Sorts.ascending("_id")).skip(skip)
                                                           .limit(limit).projection(Projections.include("v"))
                                                           .into(new ArrayList<>()));
            }
        } finally {
            stock.shutdownNow();
            ordered.shutdownNow();
        }
    }

    @Test
    void theIdIndexWalksItsKeysForARangeAndOtherIndexesLeaveRangesToAScan() {
        MVStore store = MVStore.open(null);
        try {
            MVMap<KeyValue, Object> keys = store.openMap("keys", new MVMap.Builder<KeyValue, Object>()
                    .keyType(IndexKeyType.INSTANCE));
            for (long position = 1; position <= 100; position++) {
                keys.put(new KeyValue((double) position), position);
            }
            keys.put(new KeyValue("50"), "text");
            var byId = new OrderedIndexH2Backend.OrderedUniqueIndex(keys, "_id_", List.of(new IndexKey("_id", true)),
                                                                     false);
            var byCode = new OrderedIndexH2Backend.OrderedUniqueIndex(keys, "code_1",
                                                                       List.of(new IndexKey("code", true)), false);
            de.bwaldvogel.mongo.bson.Document range = new de.bwaldvogel.mongo.bson.Document(
                    "_id", new de.bwaldvogel.mongo.bson.Document("$gt", 40L).append("$lte", 45));

            assertThat(byId.canHandle(range)).isTrue();
            assertThat(byId.getPositions(range)).containsExactly(40L, 41L, 42L, 43L, 44L, 45L);
            assertThat(byCode.canHandle(new de.bwaldvogel.mongo.bson.Document(
                    "code", new de.bwaldvogel.mongo.bson.Document("$gt", 40L)))).isFalse();
            assertThat(byId.canHandle(new de.bwaldvogel.mongo.bson.Document(
                    "_id", new de.bwaldvogel.mongo.bson.Document("$gt", 40L)))).as("no upper bound").isFalse();
            assertThat(byId.canHandle(new de.bwaldvogel.mongo.bson.Document(
                    "_id", new de.bwaldvogel.mongo.bson.Document("$lt", 40L)))).as("no lower bound").isFalse();
            assertThat(byId.canHandle(new de.bwaldvogel.mongo.bson.Document(
                    "_id", new de.bwaldvogel.mongo.bson.Document("$gt", "40").append("$lt", "45")))).isFalse();
        } finally {
            store.close();
        }
    }

    private static MVStore withoutBackgroundWriter(Path file) {
        return new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
    }

    private static List<Object> idsOf(Iterable<Document> found) {
        List<Object> ids = new ArrayList<>();
        found.forEach(document -> ids.add(document.get("_id")));
        return ids;
    }

    /** Two unique indexes, one of them compound, and the documents they index. */
    private static void fill(MongoCollection<Document> items) {
        items.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
        items.createIndex(Indexes.ascending("owner", "rank"), new IndexOptions().unique(true));
        items.insertMany(IntStream.range(0, DOCUMENTS).mapToObj(OrderedIndexH2BackendTest::item).toList());
    }

    /** Keys of several kinds, so that the index compares strings, numbers, dates and identifiers. */
    private static Document item(int i) {
        Object owner = switch (i % 4) {
            case 0 -> "owner-" + (i / 40);
            case 1 -> (long) (i / 40);
            case 2 -> new Date(1_700_000_000_000L + i / 40);
            default -> new ObjectId(new Date(1_700_000_000_000L), i / 40);
        };
        return new Document("_id", "item-" + i).append("code", code(i)).append("owner", owner).append("rank", i % 40);
    }

    private static Object code(int i) {
        return i % 3 == 0 ? (Object) ("C" + i) : i % 3 == 1 ? (Object) (long) i : (Object) (i + 0.5);
    }

    private static void assertEveryItemIsFound(MongoCollection<Document> items) {
        Random random = new Random(7);
        for (int n = 0; n < 200; n++) {
            int i = random.nextInt(DOCUMENTS);
            Document expected = item(i);
            assertThat(items.find(Filters.eq("code", code(i))).first()).isEqualTo(expected);
            assertThat(items.find(Filters.and(Filters.eq("owner", expected.get("owner")),
                                              Filters.eq("rank", expected.get("rank")))).first())
                    .isEqualTo(expected);
        }
        List<Object> codes = IntStream.range(0, DOCUMENTS).filter(i -> i % 7 == 0)
                .mapToObj(OrderedIndexH2BackendTest::code).toList();
        assertThat(items.find(Filters.in("code", codes)).map(d -> d.getString("_id")).into(new ArrayList<>()))
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, DOCUMENTS).filter(i -> i % 7 == 0)
                                                             .mapToObj(i -> "item-" + i).toList());
        assertThat(items.countDocuments()).isEqualTo(DOCUMENTS);
    }

    private static void assertRefusedAsDuplicate(Runnable insert) {
        assertThatThrownBy(insert::run).isInstanceOfSatisfying(MongoWriteException.class, failure ->
                assertThat(failure.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    private static void withServer(MongoBackend backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            work.accept(client.getDatabase("test").getCollection("items"));
        } finally {
            server.shutdownNow();
        }
    }

    private static List<String> mapNames(String file) {
        MVStore store = MVStore.open(file);
        try {
            return new ArrayList<>(store.getMapNames());
        } finally {
            store.close();
        }
    }
}
