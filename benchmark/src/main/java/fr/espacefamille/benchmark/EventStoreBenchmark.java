package fr.espacefamille.benchmark;

import com.mongodb.client.MongoDatabase;
import fr.espacefamille.benchmark.ledger.LedgerApplication;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures the event store on the embedded MongoDB server at several store sizes and prints one
 * table: appends through Axon's command gateway against raw driver inserts, append latencies,
 * a projection's replay against a raw scan, each with its target.
 *
 * <p>At each size it first fills the store (see {@link StoreFiller}), then times a fixed number
 * of operations, so that the run time grows with the fill and not with the measurements. Before
 * the first point, a warm-up runs every measurement three times, untimed, in an application
 * of its own on a database of its own: the code the measurements run is compiled by then (the
 * first point's command path was otherwise measured at a third of its speed), and the measured
 * store holds only what the points put in it.
 */
public final class EventStoreBenchmark {

    static final int MANY_CALLERS = 16;
    private static final long WARM_UP_STORE = 10_000;
    /** Rounds of the warm-up: after one, the first point's commands still ran at two thirds of the next's speed. */
    private static final int WARM_UP_ROUNDS = 3;
    /**
     * Replays of the warm-up store's last 10,000 events after its rounds: a replay runs more code
     * (processor, store, driver, server) than an append, and it ran at half its settled speed
     * after the rounds' six, at nine tenths after twenty more.
     */
    private static final int WARM_UP_REPLAYS = 30;
    /**
     * Events a point's replays add up to at least: a replay of a small store lasts a tenth of a
     * second, which one collection or one slow wake-up can double; its fastest of fifty is the
     * one the machine left alone, as for the larger stores with fewer runs.
     */
    private static final long MIN_REPLAYED_PER_POINT = 500_000;
    private static final Logger logger = LoggerFactory.getLogger(EventStoreBenchmark.class);

    private final BenchmarkOptions options;
    private final StoreFiller filler;
    private final Measurements measurements;

    private EventStoreBenchmark(BenchmarkOptions options, ConfigurableApplicationContext app) {
        this.options = options;
        MongoDatabase database = app.getBean("espaceFamilleDatabase", MongoDatabase.class);
        this.filler = new StoreFiller(app.getBean(EventStorageEngine.class), database.getCollection("events"));
        this.measurements = new Measurements(app);
    }

    public static void main(String[] args) throws Exception {
        if (BenchmarkOptions.wantsHelp(args)) {
            System.out.print(BenchmarkOptions.USAGE);
            return;
        }
        BenchmarkOptions options = BenchmarkOptions.parse(args);
        int status;
        try (EmbeddedMongo mongo = EmbeddedMongo.start(options.backend())) {
            warmUp(mongo, options);
            try (ConfigurableApplicationContext app = start(mongo, options, "benchmark")) {
                EventStoreBenchmark benchmark = new EventStoreBenchmark(options, app);
                List<PointResult> points = benchmark.run(mongo);
                status = new ResultTable(points, MANY_CALLERS).print(System.out, benchmark.header(mongo)) ? 0 : 1;
            }
        } catch (RuntimeException | InterruptedException e) {
            logger.error("The benchmark failed", e);
            status = 2;
        }
        System.exit(status);
    }

    /** A point's measurements, three times, on a small store, in an application and database of their own. */
    private static void warmUp(EmbeddedMongo mongo, BenchmarkOptions options) throws InterruptedException {
        logger.info("Warming up on a database of its own");
        try (ConfigurableApplicationContext app = start(mongo, options, "benchmark-warm-up")) {
            EventStoreBenchmark warmUp = new EventStoreBenchmark(options, app);
            warmUp.filler.fillTo(WARM_UP_STORE);
            warmUp.measure(0, options.operations(), 0, 0, 0, mongo, WARM_UP_ROUNDS);
            warmUp.replayAndScan(WARM_UP_STORE, WARM_UP_REPLAYS);
        }
    }

    private static ConfigurableApplicationContext start(EmbeddedMongo mongo, BenchmarkOptions options,
                                                        String database) {
        return new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.data.mongodb.uri=" + mongo.uri(),
                     "--spring.data.mongodb.database=" + database,
                     "--espace-famille.event-store.single-writer=" + options.singleWriter(),
                     "--spring.main.banner-mode=off",
                     "--logging.level.root=WARN",
                     "--logging.level.fr.espacefamille=INFO",
                     "--logging.level.org.springframework.core.annotation=ERROR");
    }

    private List<PointResult> run(EmbeddedMongo mongo) throws InterruptedException {
        List<PointResult> points = new ArrayList<>();
        for (long size : options.sizes()) {
            long began = System.nanoTime();
            long filled = filler.fillTo(size);
            long fillNanos = System.nanoTime() - began;
            mongo.settle();
            logger.info("Measuring at [{}] events", filler.storedEvents());
            points.add(measure(size, options.operations(), filled, fillNanos, options.replayEvents(), mongo,
                               options.repeat()));
        }
        return points;
    }

    /**
     * Measures one point: replay and scan first, on the store as filled, then the appends, which
     * add to it (on an empty store, the appends first). The replays' read model is written to
     * the file before the appends, which would otherwise share the machine with H2's writer. Each measurement runs
     * {@code repeat} times, interleaved with its raw counterpart, and the fastest run of each is
     * kept: on a machine shared with other work the fastest run is the one least disturbed, and
     * interleaving disturbs both sides alike.
     */
    private PointResult measure(long size, int operations, long filled, long fillNanos, long replayed,
                                EmbeddedMongo mongo, int repeat) throws InterruptedException {
        long stored = filler.storedEvents();
        Measurements.Rate[] replayAndScan = stored == 0 ? null
                : replayAndScan(replayed, replayRuns(stored, replayed, repeat));
        mongo.settle();
        Callers.Timing[] appends = appends(operations, repeat);
        if (replayAndScan == null) {
            replayAndScan = replayAndScan(replayed, replayRuns(filler.storedEvents(), replayed, repeat));
        }
        return new PointResult(size, stored, filled, fillNanos, appends[0], appends[1], appends[2], appends[3],
                               replayAndScan[0], replayAndScan[1], mongo.dataSize());
    }

    /** Gateway and raw with one caller, then with many: the fastest run of each. */
    private Callers.Timing[] appends(int operations, int repeat) {
        Callers.Timing[] best = new Callers.Timing[4];
        int ledgersForMany = MANY_CALLERS * Measurements.LEDGERS_PER_CALLER;
        for (int run = 0; run < repeat; run++) {
            best[0] = faster(best[0], measurements.gatewayAppends(
                    1, operations, filler.takeUntouchedLedgers(Measurements.LEDGERS_PER_CALLER)));
            best[2] = faster(best[2], measurements.rawInserts(1, operations));
            best[1] = faster(best[1], measurements.gatewayAppends(
                    MANY_CALLERS, operations, filler.takeUntouchedLedgers(ledgersForMany)));
            best[3] = faster(best[3], measurements.rawInserts(MANY_CALLERS, operations));
        }
        return best;
    }

    /** At least {@code repeat} runs, and enough for {@value #MIN_REPLAYED_PER_POINT} events replayed. */
    private static int replayRuns(long stored, long replayed, int repeat) {
        long perRun = Math.max(1, replayed == 0 ? stored : Math.min(replayed, stored));
        return (int) Math.max(repeat, Math.min(100, (MIN_REPLAYED_PER_POINT + perRun - 1) / perRun));
    }

    /** The projection's replay and the raw scan: the fastest run of each. */
    private Measurements.Rate[] replayAndScan(long replayed, int repeat) throws InterruptedException {
        Measurements.Rate[] best = new Measurements.Rate[2];
        for (int run = 0; run < repeat; run++) {
            best[0] = faster(best[0], measurements.replay(replayed));
            best[1] = faster(best[1], measurements.scan(replayed));
        }
        return best;
    }

    private static Callers.Timing faster(Callers.Timing best, Callers.Timing candidate) {
        return best == null || candidate.perSecond() > best.perSecond() ? candidate : best;
    }

    private static Measurements.Rate faster(Measurements.Rate best, Measurements.Rate candidate) {
        return best == null || candidate.perSecond() > best.perSecond() ? candidate : best;
    }

    private List<String> header(EmbeddedMongo mongo) {
        return List.of(
                "Event store benchmark on the embedded MongoDB server (mongo-java-server)",
                "  " + mongo.describe(),
                "  %d processors; %s operations timed per point and caller count; fastest of %d runs"
                        .formatted(Runtime.getRuntime().availableProcessors(),
                                   ResultTable.count(options.operations()), options.repeat()),
                "Fill: MongoEventStorageEngine.appendEvents (the engine's own documents),",
                "  %,d events per call, %d events per ledger"
                        .formatted(StoreFiller.EVENTS_PER_APPEND, StoreFiller.EVENTS_PER_LEDGER),
                "Appends: RecordEntryCommand through the command gateway to a cached event-sourced",
                "  aggregate, " + Measurements.LEDGERS_PER_CALLER + " filled ledgers per caller; raw: insertOne of "
                        + "copies of a stored event",
                options.singleWriter()
                        ? "  the application is the store's only writer: cached aggregates used as they are"
                        : "  one of several writers: each cached aggregate checked against the store first",
                "Replay: tracking processor reset to "
                        + (options.replayEvents() == 0 ? "the tail" : "head - " + options.replayEvents())
                        + ", timed until its token is at the last event; scan: find() iterated with the driver",
                "  each run as often as it takes to replay %,d events a point (%d runs at least), the fastest kept"
                        .formatted(MIN_REPLAYED_PER_POINT, options.repeat()));
    }

}
