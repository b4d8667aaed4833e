package fr.espacefamille.command.planning;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import fr.espacefamille.events.Audit;
import fr.espacefamille.events.calendar.ServiceDayClosedEvent;
import fr.espacefamille.events.calendar.ServiceDayReopenedEvent;
import fr.espacefamille.events.planning.BasketDay;
import fr.espacefamille.events.planning.CancelClosedDayBookingsCommand;
import fr.espacefamille.events.planning.ChangeKind;
import fr.espacefamille.events.planning.DaysAddedToBasketEvent;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Cancels the bookings of a day the staff closed, family by family, without reading every
 * dossier, surviving restarts and running on any number of command-side nodes.
 *
 * <p>A tracking processor of its own keeps, in {@code planning_booking_index}, which families
 * put days of each service in a basket in each school year: one document per service, school
 * year and bucket of families ({@code RESTAURATION|2026-2027|07}), so that a booking adds to a
 * small document and a closure reads {@value #BUCKETS} of them by {@code _id}. When a day
 * closes, the processor leaves one job per family and day in {@code planning_closure_jobs}. It
 * handles the events in order, so a closure finds every family whose days came before it; a
 * day put in a basket after the closure leaves a job too. Bookings are checked against the
 * calendar's stream itself ({@code EventStoreClosures}), so that is only a booking decided just
 * before the closure was appended and appended just after: it is cancelled like the others, on
 * whichever node, since the job waits in the shared database. A reopened day takes its jobs back.
 *
 * <p>Every node sends, every few seconds, the jobs it finds: one
 * {@link CancelClosedDayBookingsCommand} per family, which the family's dossier decides from
 * what it holds at that moment. A job sent twice (by two nodes, or again after a crash)
 * cancels nothing twice; a job stays until the dossier has seen the closure.
 */
@Component
@ProcessingGroup(ClosureCancellations.GROUP)
class ClosureCancellations implements DisposableBean {

    static final String GROUP = "closure-cancellations";
    /** The author of what the portal records when it cancels the bookings of a closed day. */
    static final String AUTHOR = "system:closure";
    static final int BUCKETS = 32;
    private static final int SENDERS = 4;
    private static final Logger logger = LoggerFactory.getLogger(ClosureCancellations.class);

    private final MongoCollection<Document> index;
    private final MongoCollection<Document> closedDays;
    private final MongoCollection<Document> jobs;
    private final CommandGateway commandGateway;
    private final Clock clock;
    private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS, runnable -> {
        Thread thread = new Thread(runnable, "closure-cancellations");
        thread.setDaemon(true);
        return thread;
    });

    ClosureCancellations(MongoDatabase database, CommandGateway commandGateway, Clock clock) {
        this.index = database.getCollection("planning_booking_index");
        this.closedDays = database.getCollection("planning_closure_days");
        this.jobs = database.getCollection("planning_closure_jobs");
        this.commandGateway = commandGateway;
        this.clock = clock;
    }

    @EventHandler
    void on(DaysAddedToBasketEvent event) {
        if (event.kind() != ChangeKind.BOOK || event.days().isEmpty()) {
            return;
        }
        List<LocalDate> days = event.days().stream().map(BasketDay::day).toList();
        Set<String> schoolYears = new TreeSet<>(days.stream().map(ClosureCancellations::schoolYearOf).toList());

        List<WriteModel<Document>> entries = new ArrayList<>();
        schoolYears.forEach(year -> entries.add(new UpdateOneModel<>(
                Filters.eq("_id", indexId(event.service(), year, bucketOf(event.dossierNumber()))),
                Updates.addToSet("dossiers", event.dossierNumber()), new UpdateOptions().upsert(true))));
        index.bulkWrite(entries);
        closedAmong(event.service(), days).forEach(day -> enqueue(day, event.service(),
                                                                  List.of(event.dossierNumber())));
    }

    @EventHandler
    void on(ServiceDayClosedEvent event) {
        closedDays.updateOne(Filters.eq("_id", event.day().toString()), Updates.addToSet("services", event.service()),
                             new UpdateOptions().upsert(true));
        if (event.day().isBefore(LocalDate.now(clock))) {
            logger.warn("Closure of [{}] on [{}] is for a past day: its bookings stay as they are",
                        event.service(), event.day());
            return;
        }

        List<String> families = familiesOf(event.service(), schoolYearOf(event.day()));
        enqueue(event.day(), event.service(), families);
        logger.info("Closure of [{}] on [{}]: [{}] families to look at", event.service(), event.day(),
                    families.size());
    }

    @EventHandler
    void on(ServiceDayReopenedEvent event) {
        String day = event.day().toString();
        closedDays.updateOne(Filters.eq("_id", day), Updates.pull("services", event.service()));
        jobs.updateMany(Filters.eq("day", day), Updates.combine(Updates.pull("services", event.service()),
                                                                Updates.inc("version", 1)));
        jobs.deleteMany(Filters.and(Filters.eq("day", day), Filters.size("services", 0)));
    }

    @ResetHandler
    void reset() {
        index.deleteMany(new Document());
        closedDays.deleteMany(new Document());
        jobs.deleteMany(new Document());
    }

    /**
     * Sends every job waiting, a few at once, and takes away those done. A day closed for the
     * whole town is one job per family: a few thousand small documents.
     */
    @Scheduled(fixedDelayString = "${espace-famille.planning.closure-check-interval:2s}",
               initialDelayString = "${espace-famille.planning.closure-check-interval:2s}")
    void sendCancellations() {
        List<Document> waiting = jobs.find().into(new ArrayList<>());
        List<Future<?>> sent = new ArrayList<>();
        waiting.forEach(job -> sent.add(senders.submit(() -> send(job))));
        for (Future<?> job : sent) {
            try {
                job.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                logger.warn("Closure job failed; will try again", e.getCause());
            }
        }
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }

    private void send(Document job) {
        String dossierNumber = job.getString("dossierNumber");
        LocalDate day = LocalDate.parse(job.getString("day"));
        try {
            boolean done = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                    new CancelClosedDayBookingsCommand(dossierNumber, day, job.getList("services", String.class)))
                    .andMetaData(MetaData.with(Audit.AUTHOR, AUTHOR)));
            if (done || day.isBefore(LocalDate.now(clock))) {
                done(job);
            }
        } catch (AggregateNotFoundException e) {
            logger.warn("No dossier [{}] for the closure of [{}]", dossierNumber, day);
            done(job);
        } catch (RuntimeException e) {
            logger.warn("Could not cancel the bookings of dossier [{}] on [{}]; will try again", dossierNumber, day, e);
        }
    }

    /** Takes the job away, unless a closure of another service that day joined it meanwhile. */
    private void done(Document job) {
        jobs.deleteOne(Filters.and(Filters.eq("_id", job.getString("_id")), Filters.eq("version", job.get("version"))));
    }

    private void enqueue(LocalDate day, String service, Collection<String> dossierNumbers) {
        if (dossierNumbers.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> entries = dossierNumbers.stream()
                .<WriteModel<Document>>map(dossierNumber -> new UpdateOneModel<>(
                        Filters.eq("_id", day + "|" + dossierNumber),
                        Updates.combine(Updates.set("day", day.toString()), Updates.set("dossierNumber", dossierNumber),
                                        Updates.addToSet("services", service), Updates.inc("version", 1)),
                        new UpdateOptions().upsert(true)))
                .toList();
        jobs.bulkWrite(entries, new BulkWriteOptions().ordered(false));
    }

    private List<String> familiesOf(String service, String schoolYear) {
        List<String> ids = IntStream.range(0, BUCKETS).mapToObj(bucket -> indexId(service, schoolYear, bucket))
                .toList();
        Set<String> families = new TreeSet<>();
        index.find(Filters.in("_id", ids)).forEach(entry -> families.addAll(entry.getList("dossiers", String.class)));
        return List.copyOf(families);
    }

    /** The days among these, today or later, that a closure reached this processor for. */
    private List<LocalDate> closedAmong(String service, List<LocalDate> days) {
        LocalDate today = LocalDate.now(clock);
        List<String> ids = days.stream().filter(day -> !day.isBefore(today)).map(LocalDate::toString).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<LocalDate> closed = new ArrayList<>();
        for (Document day : closedDays.find(Filters.in("_id", ids))) {
            if (day.getList("services", String.class, List.of()).contains(service)) {
                closed.add(LocalDate.parse(day.getString("_id")));
            }
        }
        return closed;
    }

    private static String indexId(String service, String schoolYear, int bucket) {
        return service + "|" + schoolYear + "|" + String.format("%02d", bucket);
    }

    /** Spreads the families over the buckets; a string's hash is the same on every JVM. */
    static int bucketOf(String dossierNumber) {
        return Math.floorMod(dossierNumber.hashCode(), BUCKETS);
    }

    /** September to August: 2026-09-01 and 2027-08-31 are both in {@code 2026-2027}. */
    static String schoolYearOf(LocalDate day) {
        int first = day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1;
        return first + "-" + (first + 1);
    }
}
