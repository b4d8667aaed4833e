package fr.espacefamille.platform.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import fr.espacefamille.platform.testing.InMemoryMongo;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static fr.espacefamille.platform.readmodel.BatchedDocuments.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchedDocumentsTest {

    private static final InMemoryMongo mongo = InMemoryMongo.start();
    private static final MongoClient client = MongoClients.create(mongo.uri());

    private MongoCollection<Document> views;
    private BatchedDocuments documents;

    @BeforeEach
    void emptyCollection() {
        views = client.getDatabase("batched").getCollection("views");
        views.deleteMany(new Document());
        documents = new BatchedDocuments(views);
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.close();
    }

    @Test
    void outsideABatchAChangeIsWrittenAtOnce() {
        documents.change("a", view -> view.put("count", 1));

        assertThat(views.find(Filters.eq("_id", "a")).first()).containsEntry("count", 1);
    }

    @Test
    void theChangesOfABatchAreAppliedInOrderAndWrittenWhenItCommits() {
        views.insertOne(new Document("_id", "a").append("days", new Document("2026-09-01", 1)));
        BatchingUnitOfWork<?> batch = batchOfTwoEvents();

        batch.execute(() -> {
            documents.change("a", view -> section(view, "days").put("2026-09-02", 2));
            documents.change("b", view -> section(view, "days").put("2026-09-03", 3));
            documents.change("a", view -> section(view, "days").remove("2026-09-01"));
            assertThat(views.find(Filters.eq("_id", "a")).first().get("days", Document.class))
                    .as("nothing written while the batch is handled").containsOnlyKeys("2026-09-01");
        });

        assertThat(views.find(Filters.eq("_id", "a")).first().get("days", Document.class))
                .containsExactlyEntriesOf(new Document("2026-09-02", 2));
        assertThat(views.find(Filters.eq("_id", "b")).first().get("days", Document.class))
                .containsExactlyEntriesOf(new Document("2026-09-03", 3));
    }

    @Test
    void theDocumentsAreWrittenBeforeTheProcessorStoresItsToken() {
        BatchingUnitOfWork<EventMessage<?>> batch = batchOfTwoEvents();
        List<Long> documentsWhenTokenStored = new ArrayList<>();

        batch.executeWithResult(() -> {
            if (batch.isFirstMessage()) {
                // What Axon's tracking processor does at a batch's first event.
                batch.onPrepareCommit(committing -> documentsWhenTokenStored.add(views.countDocuments()));
            }
            return new BatchedDocuments.FlushBeforeTokenUpdate().handle(batch, () -> {
                documents.change("a", view -> view.merge("count", 1, (a, b) -> (Integer) a + (Integer) b));
                return null;
            });
        });

        assertThat(documentsWhenTokenStored).containsExactly(1L);
        assertThat(views.find(Filters.eq("_id", "a")).first()).containsEntry("count", 2);
    }

    @Test
    void aNewDocumentLeftWithOnlyItsIdIsNotWritten() {
        documents.change("absent", view -> {
            if (view.containsKey("basketId")) {
                view.put("status", "CONFIRMED");
            }
        });

        assertThat(views.countDocuments()).isZero();
    }

    @Test
    void aBatchThatFailsWritesNothing() {
        BatchingUnitOfWork<?> batch = batchOfTwoEvents();

        assertThatThrownBy(() -> batch.execute(() -> {
            documents.change("a", view -> view.put("count", 1));
            throw new IllegalStateException("handler failed");
        })).hasMessageContaining("handler failed");

        assertThat(views.countDocuments()).isZero();
    }

    @Test
    void replayingABatchLeavesTheSameDocuments() {
        Runnable handlers = () -> documents.change("a", view -> section(view, "days").put("2026-09-02", 2));
        batchOfTwoEvents().execute(handlers);
        Document once = views.find(Filters.eq("_id", "a")).first();

        batchOfTwoEvents().execute(handlers);

        assertThat(views.find(Filters.eq("_id", "a")).first()).isEqualTo(once);
    }

    private static BatchingUnitOfWork<EventMessage<?>> batchOfTwoEvents() {
        return new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("first"),
                                                GenericEventMessage.asEventMessage("second")));
    }
}
