package fr.espacefamille.platform.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Read-model documents that the events of one batch change in memory, written once each, whole,
 * when the batch commits.
 *
 * <p>A projection states each change as a function of the document ({@link #change}); nothing is
 * read or written while the batch's events are handled. When the batch commits, before its token
 * is stored, the documents it touched are read with one {@code $in} on {@code _id}, each one's
 * changes are applied in the order of the events, and every document is replaced with one bulk
 * write. A batch that replays events already applied writes the same documents again.
 *
 * <p>This is much cheaper than one update per event with a {@code $set} per field, above all on
 * the in-process MongoDB server, which parses every field path of an update and compares each
 * with all the others: a whole-year booking touches 140 days of a document. Each document must
 * belong to one stream, so that only one segment of the processing group ever changes it.
 *
 * <p>The documents are written while the batch's last event is handled
 * ({@link FlushBeforeTokenUpdate}, which every processor has), so before the processor
 * stores its token when the batch commits: a batch whose writes fail is handled again, never
 * skipped. Should a batch end without it, the writes happen when it commits.
 *
 * <p>Outside a unit of work (a handler called directly) a change is applied and written at once.
 */
public final class BatchedDocuments {

    private static final int LOOKUP_SIZE = 1_000;
    private static final String WRITERS = BatchedDocuments.class.getName() + "#writers";

    private final MongoCollection<Document> collection;
    private final String resourceKey;

    public BatchedDocuments(MongoCollection<Document> collection) {
        this.collection = collection;
        this.resourceKey = BatchedDocuments.class.getName() + "#" + collection.getNamespace().getFullName();
    }

    /**
     * Changes the document with this {@code _id} once the current batch is handled. The function
     * gets the document as the earlier changes of the batch left it, or a document holding only
     * its {@code _id} if there is none yet; a new document left with only its {@code _id} is
     * not written.
     */
    public void change(String id, Consumer<Document> change) {
        if (!CurrentUnitOfWork.isStarted()) {
            write(Map.of(id, List.of(change)));
            return;
        }
        pending(CurrentUnitOfWork.get().root()).computeIfAbsent(id, key -> new ArrayList<>()).add(change);
    }

    /** The sub-document under {@code name}, added empty if the document has none. */
    public static Document section(Document document, String name) {
        Document section = document.get(name, Document.class);
        if (section == null) {
            section = new Document();
            document.put(name, section);
        }
        return section;
    }

    /** Writes what the batch's events changed so far, in every collection; nothing is left pending. */
    public static void flush(UnitOfWork<?> batch) {
        List<Runnable> writers = batch.root().getResource(WRITERS);
        if (writers != null) {
            writers.forEach(Runnable::run);
        }
    }

    private Map<String, List<Consumer<Document>>> pending(UnitOfWork<?> batch) {
        Map<String, List<Consumer<Document>>> pending = batch.getResource(resourceKey);
        if (pending != null) {
            return pending;
        }
        Map<String, List<Consumer<Document>>> changes = new LinkedHashMap<>();
        Runnable writer = () -> writeAndForget(changes);
        batch.resources().put(resourceKey, changes);
        batch.<List<Runnable>>getOrComputeResource(WRITERS, key -> new ArrayList<>()).add(writer);
        batch.onPrepareCommit(committing -> writer.run());
        return changes;
    }

    private void writeAndForget(Map<String, List<Consumer<Document>>> changes) {
        write(changes);
        changes.clear();
    }

    private void write(Map<String, List<Consumer<Document>>> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<String, Document> current = current(new ArrayList<>(changes.keySet()));
        List<WriteModel<Document>> writes = new ArrayList<>(changes.size());
        changes.forEach((id, ofDocument) -> {
            Document existing = current.get(id);
            Document document = existing != null ? existing : new Document("_id", id);
            ofDocument.forEach(change -> change.accept(document));
            if (existing != null || document.size() > 1) {
                writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true)));
            }
        });
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    private Map<String, Document> current(List<String> ids) {
        Map<String, Document> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += LOOKUP_SIZE) {
            collection.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + LOOKUP_SIZE))))
                      .forEach(document -> found.put(document.getString("_id"), document));
        }
        return found;
    }

    /**
     * Writes a batch's documents once its last event is handled, before the batch commits and
     * its processor stores the token: Axon's tracking processor stores it in a commit handler
     * registered at the batch's first event, which runs before any a projection registers.
     */
    public static final class FlushBeforeTokenUpdate implements MessageHandlerInterceptor<EventMessage<?>> {

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                             InterceptorChain interceptorChain) throws Exception {
            Object result = interceptorChain.proceed();
            if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
                flush(unitOfWork);
            }
            return result;
        }
    }
}
