package fr.espacefamille.benchmark.planning;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.espacefamille.command.planning.BookingDesk;
import fr.espacefamille.events.Audit;
import fr.espacefamille.events.calendar.CloseServiceDayCommand;
import fr.espacefamille.events.calendar.PublishPlanningSetupCommand;
import fr.espacefamille.events.calendar.PlanningSetup;
import fr.espacefamille.events.dossier.Child;
import fr.espacefamille.events.dossier.ImportDossierCommand;
import fr.espacefamille.events.planning.BasketChangeReport;
import fr.espacefamille.events.planning.CancelReservationCommand;
import fr.espacefamille.events.planning.CheckoutOutcome;
import fr.espacefamille.events.planning.CheckoutStatus;
import fr.espacefamille.events.planning.PeriodAction;
import fr.espacefamille.events.planning.ReservePeriodCommand;
import fr.espacefamille.platform.embedded.OrderedIndexH2Backend;
import fr.espacefamille.platform.eventstore.MongoEventStorageEngine;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.LongStream;

/**
 * Measures bookings through the whole portal (command gateway, the family's dossier, capacity
 * ledgers, the payment sandbox, the planning projections) on the in-process MongoDB server:
 * <ul>
 *   <li>the back-to-school wave: N children each booking the whole school year for each of
 *   their services, families in parallel, each basket checked out and paid;</li>
 *   <li>the 17h rush: 200 parents at once cancelling tomorrow's canteen half an hour before the
 *   cut-off, each then validating the recap;</li>
 *   <li>a staff closure: the canteen closed for the whole town on a day every child enrolled in
 *   it booked, after its cut-off, until every booking of the day is cancelled in the month view.</li>
 * </ul>
 * It prints bookings per second, request latencies, the lag until the month view shows the
 * change, and the rate of the same event documents inserted with the raw driver.
 *
 * <p>Options: {@code --children=1000,10000 --families=32 --rush-parents=200 --backend=memory|h2
 * --server=process|in-process --server-heap=12g}. The server runs in a JVM of its own by
 * default, as MongoDB does beside the portal ({@link MongoServerProcess}).
 */
public final class PlanningBenchmark {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate FIRST_DAY = LocalDate.parse("2026-09-01");
    private static final LocalDate LAST_DAY = LocalDate.parse("2027-07-02");
    private static final LocalDate RUSH_DAY = LocalDate.parse("2026-09-15");
    private static final LocalDate CLOSED_DAY = LocalDate.parse("2026-09-17");
    private static final String AUTHOR = "account:benchmark";
    /** One family in ten is watched for the lag: watching costs reads the projection competes with. */
    private static final int WAVE_SAMPLING = 10;

    private final List<String> rows = new ArrayList<>();

    private PlanningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int[] sizes = Arrays.stream(options.getOrDefault("children", "1000,10000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int families = Integer.parseInt(options.getOrDefault("families", "32"));
        int rushParents = Integer.parseInt(options.getOrDefault("rush-parents", "200"));
        String backend = options.getOrDefault("backend", "memory");
        boolean ownProcess = !"in-process".equals(options.getOrDefault("server", "process"));
        String serverHeap = options.getOrDefault("server-heap", "12g");

        PlanningBenchmark benchmark = new PlanningBenchmark();
        int status = 0;
        try {
            for (int children : sizes) {
                benchmark.run(children, families, rushParents, backend, ownProcess, serverHeap);
            }
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        benchmark.print(backend, ownProcess, families);
        System.exit(status);
    }

    private void run(int children, int familyThreads, int rushParents, String backendName, boolean ownProcess,
                     String serverHeap) throws Exception {
        MongoServer inProcess = null;
        MongoServerProcess child = null;
        int port;
        if (ownProcess) {
            child = MongoServerProcess.start(backendName, serverHeap);
            port = child.port();
        } else {
            inProcess = new MongoServer(backend(backendName));
            inProcess.bind("127.0.0.1", 0);
            port = inProcess.getLocalAddress().getPort();
        }
        ConfigurableApplicationContext app = new SpringApplicationBuilder(BenchmarkApplication.class)
                .web(WebApplicationType.REACTIVE)
                .properties("spring.data.mongodb.uri=mongodb://127.0.0.1:" + port,
                            "server.address=127.0.0.1",
                            "server.port=0",
                            "espace-famille.event-store.single-writer=true",
                            "spring.main.banner-mode=off",
                            "logging.level.root=WARN",
                            "espace-famille.planning.catalogue=classpath:planning/benchmark-town.yml",
                            "espace-famille.mail.welcome-on-registration=false",
                            "espace-famille.mail.booking-confirmations=false",
                            "spring.mail.host=127.0.0.1",
                            "spring.mail.port=9")
                .run();
        try {
            Town town = new Town(app);
            town.clock.setTo(parisTime("2026-08-25T09:00:00"));
            List<ImportDossierCommand> dossiers = BenchmarkTown.dossiers(children, 42);
            importDossiers(town, dossiers, familyThreads);
            wave(town, dossiers, familyThreads, children);
            town.awaitAtRest();
            rush(town, dossiers, rushParents, children);
            town.awaitAtRest();
            closure(town, dossiers, children);
        } finally {
            app.close();
            if (child != null) {
                child.close();
            } else {
                inProcess.shutdownNow();
            }
        }
    }

    private static void importDossiers(Town town, List<ImportDossierCommand> dossiers, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (ImportDossierCommand dossier : dossiers) {
            done.add(pool.submit(() -> town.commands.sendAndWait(dossier)));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
    }

    /** Every child books the whole year for each service; each family's basket is paid. */
    private void wave(Town town, List<ImportDossierCommand> dossiers, int threads, int children) throws Exception {
        long firstPosition = town.eventStore.headPosition();
        Latencies latencies = new Latencies();
        AtomicLong booked = new AtomicLong();
        LagProbe probe = new LagProbe(town.calendars);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (ImportDossierCommand dossier : dossiers) {
            done.add(pool.submit(() -> {
                bookTheYear(town, dossier, latencies, booked, probe);
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        long waveNanos = System.nanoTime() - start;
        pool.shutdown();
        probe.awaitAll(TimeUnit.MINUTES.toNanos(10));
        probe.stop();

        long events = town.eventStore.headPosition() - firstPosition;
        double seconds = waveNanos / 1e9;
        double rawPerSecond = rawInsertRate(town.database, firstPosition, town.eventStore.headPosition());
        row(String.format(Locale.ROOT,
                "| back-to-school wave | %,d | %,d | %.1f | %,.0f | %.1f | %.1f | %.0f | %,d | %,.0f | %,.0f | %.2f |",
                children, booked.get(), seconds, booked.get() / seconds, latencies.percentileMillis(50),
                latencies.percentileMillis(99), probe.lags().percentileMillis(99), events, events / seconds,
                rawPerSecond, (events / seconds) / rawPerSecond));
    }

    private static void bookTheYear(Town town, ImportDossierCommand dossier, Latencies latencies, AtomicLong booked,
                                    LagProbe probe) {
        String dossierNumber = dossier.dossierNumber();
        String account = "parent-" + dossierNumber;
        String watched = null;
        String watchedDay = null;
        for (Child child : dossier.details().children()) {
            for (String service : child.enrolments()) {
                long began = System.nanoTime();
                BasketChangeReport report = town.desk.change(new ReservePeriodCommand(
                        dossierNumber, account, child.childId(), service, FIRST_DAY, LAST_DAY,
                        town.setup.service(service).orElseThrow().weekdays(), PeriodAction.BOOK), AUTHOR, false);
                latencies.record(System.nanoTime() - began);
                booked.addAndGet(report.booked().size());
                if (watched == null && !report.booked().isEmpty()) {
                    watched = child.childId() + "|" + service + "|2026-2027";
                    watchedDay = report.booked().get(0).toString();
                }
            }
        }
        if (watched == null) {
            return;
        }
        long began = System.nanoTime();
        CheckoutOutcome outcome = town.desk.checkout(dossierNumber, account, AUTHOR, "http://localhost",
                                                     "/planning.html");
        latencies.record(System.nanoTime() - began);
        if (outcome.status() == CheckoutStatus.PAYMENT_REQUIRED) {
            town.payerPays(outcome.operationId());
            began = System.nanoTime();
            town.desk.recordPaymentResult(outcome.operationId(), dossierNumber);
            latencies.record(System.nanoTime() - began);
        }
        String day = watchedDay;
        if (Math.floorMod(dossierNumber.hashCode(), WAVE_SAMPLING) == 0) {
            probe.watch(watched, document -> document.get("booked", new Document()).containsKey(day));
        }
    }

    /** 200 parents at once cancel tomorrow's canteen at 16:30 and validate; the month must follow. */
    private void rush(Town town, List<ImportDossierCommand> dossiers, int parents, int children) throws Exception {
        town.clock.setTo(parisTime("2026-09-14T16:30:00"));
        List<String[]> canteen = new ArrayList<>();
        for (ImportDossierCommand dossier : dossiers) {
            dossier.details().children().stream().filter(child -> child.enrolments().contains("RESTAURATION"))
                    .findFirst()
                    .ifPresent(child -> canteen.add(new String[]{dossier.dossierNumber(), child.childId()}));
            if (canteen.size() == parents) {
                break;
            }
        }
        Latencies latencies = new Latencies();
        LagProbe probe = new LagProbe(town.calendars);
        ExecutorService pool = Executors.newFixedThreadPool(canteen.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (String[] parent : canteen) {
            done.add(pool.submit(() -> {
                go.await();
                String account = "rush-" + parent[0];
                long began = System.nanoTime();
                town.desk.change(new CancelReservationCommand(parent[0], account, parent[1], "RESTAURATION",
                                                              RUSH_DAY), AUTHOR, true);
                latencies.record(System.nanoTime() - began);
                began = System.nanoTime();
                town.desk.checkout(parent[0], account, AUTHOR, "http://localhost", "/planning.html");
                latencies.record(System.nanoTime() - began);
                probe.watch(parent[1] + "|RESTAURATION|2026-2027",
                            document -> !document.get("booked", new Document()).containsKey(RUSH_DAY.toString()));
                return null;
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        probe.awaitAll(TimeUnit.MINUTES.toNanos(5));
        probe.stop();
        row(String.format(Locale.ROOT,
                "| 17h rush, %d parents | %,d | %,d | %.2f | %,.0f | %.1f | %.1f | %.0f | | | | |",
                canteen.size(), children, canteen.size(), seconds, canteen.size() / seconds,
                latencies.percentileMillis(50), latencies.percentileMillis(99), probe.lags().percentileMillis(99)));
    }

    /**
     * Staff close the canteen for the whole town on a day, after its cut-off; measured until the
     * month view of every child enrolled in it shows the day no longer booked. The lag column is
     * the part after the closure process sent its last command.
     */
    private void closure(Town town, List<ImportDossierCommand> dossiers, int children) throws Exception {
        town.clock.setTo(parisTime("2026-09-16T18:00:00"));
        List<String> canteen = new ArrayList<>();
        for (ImportDossierCommand dossier : dossiers) {
            dossier.details().children().stream().filter(child -> child.enrolments().contains("RESTAURATION"))
                    .forEach(child -> canteen.add(child.childId() + "|RESTAURATION|2026-2027"));
        }
        long booked = countBooked(town.calendars, canteen, CLOSED_DAY);
        MongoCollection<Document> jobs = town.database.getCollection("planning_closure_jobs");
        long firstPosition = town.eventStore.headPosition();

        long start = System.nanoTime();
        town.commands.sendAndWait(GenericCommandMessage.asCommandMessage(new CloseServiceDayCommand(
                        PublishPlanningSetupCommand.TOWN, CLOSED_DAY, List.of("RESTAURATION"), "grève"))
                .andMetaData(MetaData.with(Audit.AUTHOR, "staff:benchmark")));
        long deadline = start + TimeUnit.MINUTES.toNanos(10);
        while (jobs.countDocuments() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        while (jobs.countDocuments() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long commandsDone = System.nanoTime();
        while (countBooked(town.calendars, canteen, CLOSED_DAY) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        long shown = System.nanoTime();

        double seconds = (shown - start) / 1e9;
        long events = town.eventStore.headPosition() - firstPosition;
        row(String.format(Locale.ROOT,
                "| staff closure, canteen | %,d | %,d | %.1f | %,.0f | | | %.0f | %,d | %,.0f | | |",
                children, booked, seconds, booked / seconds, (shown - commandsDone) / 1e6, events, events / seconds));
    }

    /** How many of these school-year documents have the day booked, read by {@code _id} in batches. */
    private static long countBooked(MongoCollection<Document> calendars, List<String> ids, LocalDate day) {
        long booked = 0;
        for (int from = 0; from < ids.size(); from += 1000) {
            for (Document calendar : calendars.find(Filters.in("_id", ids.subList(from,
                    Math.min(ids.size(), from + 1000))))) {
                if (calendar.get("booked", new Document()).containsKey(day.toString())) {
                    booked++;
                }
            }
        }
        return booked;
    }

    /** Keeps a row for the table, and prints it at once: a long run shows its figures as they come. */
    private void row(String row) {
        rows.add(row);
        System.out.println(row);
    }

    /** The event documents of the wave inserted again with the raw driver, in batches of 1,000. */
    private static double rawInsertRate(MongoDatabase database, long firstPosition, long lastPosition) {
        MongoCollection<Document> events = database.getCollection("events");
        List<Document> copies = new ArrayList<>();
        List<Long> positions = LongStream.rangeClosed(firstPosition + 1, lastPosition).boxed().toList();
        for (int from = 0; from < positions.size(); from += 1000) {
            events.find(Filters.in("_id", positions.subList(from, Math.min(positions.size(), from + 1000))))
                  .forEach(document -> {
                      document.put("_id", document.get("_id") + "-copy");
                      document.put("streamKey", document.getString("streamKey") + "-copy");
                      copies.add(document);
                  });
        }
        MongoCollection<Document> raw = database.getCollection("raw_events");
        long start = System.nanoTime();
        for (int from = 0; from < copies.size(); from += 1000) {
            raw.insertMany(copies.subList(from, Math.min(copies.size(), from + 1000)));
        }
        return copies.size() / ((System.nanoTime() - start) / 1e9);
    }

    private void print(String backend, boolean ownProcess, int families) {
        System.out.println();
        System.out.printf("Planning benchmark: mongo-java-server (%s backend, %s), %d cores, %d families in parallel%n",
                          backend, ownProcess ? "a JVM of its own" : "in the benchmark's JVM",
                          Runtime.getRuntime().availableProcessors(), families);
        System.out.println();
        System.out.println("| scenario | children | bookings | time s | bookings/s | p50 ms | p99 ms | lag p99 ms"
                           + " | events | events/s | raw inserts/s | ratio |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("bookings: days booked (wave), requests (rush) or bookings cancelled (closure); p50/p99:"
                           + " one request (a period, a \"Payer\", a payment result, a cancellation); lag: from the"
                           + " confirmation to the month view showing it (closure: from the last command sent to the"
                           + " last month view); raw inserts: the wave's event documents inserted again with the"
                           + " driver, batches of 1,000; ratio: events/s over raw inserts/s.");
    }

    private static MongoBackend backend(String name) throws Exception {
        if ("h2".equals(name)) {
            Path file = Files.createTempDirectory("planning-benchmark").resolve("mongo.mv");
            return new OrderedIndexH2Backend(file.toString());
        }
        return new MemoryBackend();
    }

    private static java.time.Instant parisTime(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new ConcurrentHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }

    /** The running portal's parts the benchmark drives. */
    private static final class Town {

        final CommandGateway commands;
        final BookingDesk desk;
        final PlanningSetup setup;
        final MongoEventStorageEngine eventStore;
        final MongoDatabase database;
        final MongoCollection<Document> calendars;
        final BenchmarkApplication.SettableClock clock;
        private final MongoCollection<Document> sandbox;
        private final EventProcessingConfiguration processors;

        Town(ConfigurableApplicationContext app) {
            processors = app.getBean(EventProcessingConfiguration.class);
            commands = app.getBean(CommandGateway.class);
            desk = app.getBean(BookingDesk.class);
            setup = app.getBean(PlanningSetup.class);
            eventStore = app.getBean(MongoEventStorageEngine.class);
            database = app.getBean("espaceFamilleDatabase", MongoDatabase.class);
            calendars = database.getCollection("planning_calendars");
            sandbox = database.getCollection("payfip_sandbox_operations");
            clock = app.getBean(BenchmarkApplication.SettableClock.class);
        }

        /**
         * Waits until every processor has handled every event: the 17h rush and a closure come
         * on a town whose read models, mails and processes have caught up with the wave, as
         * they have on the day, not while the wave's backlog is still being worked off.
         */
        void awaitAtRest() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
            while (System.nanoTime() < deadline) {
                TrackingToken head = eventStore.createHeadToken();
                long last = head == null ? 0 : head.position().orElse(0);
                boolean atRest = processors.eventProcessors().values().stream()
                        .filter(TrackingEventProcessor.class::isInstance)
                        .map(TrackingEventProcessor.class::cast)
                        .allMatch(processor -> processor.processingStatus().values().stream().allMatch(
                                status -> status.getCurrentPosition().orElse(0) >= last));
                if (atRest) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("The processors did not catch up with the wave within 15 minutes");
        }

        /** What the payer's bank does on the sandbox's page: the operation is paid. */
        void payerPays(String operationId) {
            sandbox.updateOne(Filters.eq("_id", operationId),
                              Updates.combine(Updates.set("status", "PAID"),
                                              Updates.set("transactionNumber",
                                                          "BENCH-" + ThreadLocalRandom.current().nextInt())));
        }
    }

    /**
     * Watches read-model documents until they show a change, from another thread, to measure
     * how long after the confirmation the month view follows.
     */
    private static final class LagProbe {

        private final MongoCollection<Document> calendars;
        private final Map<String, Watch> watches = new ConcurrentHashMap<>();
        private final Latencies lags = new Latencies();
        private final Thread poller;
        private volatile boolean running = true;

        private record Watch(String id, Predicate<Document> shown, long since) {
        }

        LagProbe(MongoCollection<Document> calendars) {
            this.calendars = calendars;
            this.poller = new Thread(this::poll, "lag-probe");
            this.poller.setDaemon(true);
            this.poller.start();
        }

        void watch(String documentId, Predicate<Document> shown) {
            watches.put(documentId, new Watch(documentId, shown, System.nanoTime()));
        }

        Latencies lags() {
            return lags;
        }

        void awaitAll(long timeoutNanos) throws InterruptedException {
            long deadline = System.nanoTime() + timeoutNanos;
            while (!watches.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }

        void stop() {
            running = false;
        }

        private void poll() {
            while (running) {
                List<String> ids = new ArrayList<>(watches.keySet());
                for (int from = 0; from < ids.size(); from += 200) {
                    for (Document document : calendars.find(Filters.in("_id", ids.subList(from,
                            Math.min(ids.size(), from + 200))))) {
                        Watch watch = watches.get(document.getString("_id"));
                        if (watch != null && watch.shown().test(document)) {
                            lags.record(System.nanoTime() - watch.since());
                            watches.remove(watch.id());
                        }
                    }
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
