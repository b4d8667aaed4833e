package fr.espacefamille.command.planning;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import fr.espacefamille.events.Audit;
import fr.espacefamille.events.calendar.Billing;
import fr.espacefamille.events.calendar.ServiceDayClosedEvent;
import fr.espacefamille.events.calendar.ServiceDayReopenedEvent;
import fr.espacefamille.events.planning.BasketDay;
import fr.espacefamille.events.planning.CancelClosedDayBookingsCommand;
import fr.espacefamille.events.planning.ChangeKind;
import fr.espacefamille.events.planning.DaysAddedToBasketEvent;
import fr.espacefamille.platform.testing.InMemoryMongo;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The closure process, fed events by hand: whom it asks to cancel a closed day, and until when. */
class ClosureCancellationsTest {

    private static final InMemoryMongo mongo = InMemoryMongo.start();
    private static final MongoClient client = MongoClients.create(mongo.uri());
    private static final Instant EXPIRY = Instant.parse("2026-09-01T08:20:00Z");

    private final MongoDatabase database = client.getDatabase("closures-" + System.nanoTime());
    private final MovableClock clock = new MovableClock().setTo("2026-09-01T10:00:00");
    private final List<CommandMessage<?>> sent = Collections.synchronizedList(new ArrayList<>());
    private Function<CancelClosedDayBookingsCommand, Object> dossiers = command -> true;
    private final List<ClosureCancellations> nodes = new ArrayList<>();
    private final ClosureCancellations process = node();

    @AfterEach
    void stopNodes() {
        nodes.forEach(ClosureCancellations::destroy);
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        mongo.close();
    }

    @Test
    void aClosureAsksEachFamilyThatBookedTheServiceThatSchoolYearAndNoOther() {
        // A town of 10,000 children: 5,000 families at the canteen, 40 of them on Wednesdays.
        IntStream.range(0, 5_000).forEach(family -> process.on(booked(dossier(family), "RESTAURATION", "2026-09-08")));
        IntStream.range(0, 40).forEach(family -> process.on(booked(dossier(family * 100), "MERCREDI", "2026-09-16")));
        process.on(booked("2027-00001", "MERCREDI", "2027-09-15"));

        process.on(closed("MERCREDI", "2026-10-07"));
        process.sendCancellations();

        assertThat(commands()).hasSize(40)
                .allSatisfy(command -> {
                    assertThat(command.day()).isEqualTo(LocalDate.parse("2026-10-07"));
                    assertThat(command.services()).containsExactly("MERCREDI");
                });
        assertThat(commands()).extracting(CancelClosedDayBookingsCommand::dossierNumber)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 40).mapToObj(family -> dossier(family * 100))
                                                              .toList());
        assertThat(sent).allSatisfy(message -> assertThat(message.getMetaData().get(Audit.AUTHOR))
                .isEqualTo(ClosureCancellations.AUTHOR));
        assertThat(jobs()).isZero();
    }

    @Test
    void aClosureOfTheCanteenForTheWholeTownSendsOneCommandPerFamily() {
        IntStream.range(0, 5_000).forEach(family -> process.on(booked(dossier(family), "RESTAURATION", "2026-09-08")));

        long started = System.nanoTime();
        process.on(closed("RESTAURATION", "2026-10-06"));
        process.sendCancellations();
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(commands()).hasSize(5_000)
                .extracting(CancelClosedDayBookingsCommand::dossierNumber).doesNotHaveDuplicates();
        assertThat(jobs()).isZero();
        System.out.printf("Closure of the canteen for 5,000 families: jobs and commands in %d ms%n", millis);
    }

    @Test
    void twoServicesClosedTheSameDayMakeOneCommandPerFamily() {
        process.on(booked("2015-00100", "RESTAURATION", "2026-09-08"));
        process.on(booked("2015-00100", "ACCUEIL_SOIR", "2026-09-08"));

        process.on(closed("RESTAURATION", "2026-10-06"));
        process.on(closed("ACCUEIL_SOIR", "2026-10-06"));
        process.sendCancellations();

        assertThat(commands()).singleElement().satisfies(command -> assertThat(command.services())
                .containsExactlyInAnyOrder("RESTAURATION", "ACCUEIL_SOIR"));
    }

    @Test
    void aJobStaysUntilTheDossierHasSeenTheClosure() {
        process.on(booked("2015-00100", "RESTAURATION", "2026-09-08"));
        process.on(closed("RESTAURATION", "2026-10-06"));
        dossiers = command -> false;

        process.sendCancellations();
        assertThat(jobs()).isOne();
        dossiers = command -> true;
        process.sendCancellations();

        assertThat(commands()).hasSize(2);
        assertThat(jobs()).isZero();
    }

    @Test
    void aCommandThatFailsIsSentAgainNextRound() {
        process.on(booked("2015-00100", "RESTAURATION", "2026-09-08"));
        process.on(closed("RESTAURATION", "2026-10-06"));
        dossiers = command -> {
            throw new IllegalStateException("the database is gone for a moment");
        };

        process.sendCancellations();
        dossiers = command -> true;
        process.sendCancellations();

        assertThat(commands()).hasSize(2);
        assertThat(jobs()).isZero();
    }

    @Test
    void theJobsOfANodeThatStoppedAreSentByTheNextOne() {
        process.on(booked("2015-00100", "RESTAURATION", "2026-09-08"));
        process.on(closed("RESTAURATION", "2026-10-06"));
        process.destroy();

        node().sendCancellations();

        assertThat(commands()).singleElement()
                .satisfies(command -> assertThat(command.dossierNumber()).isEqualTo("2015-00100"));
    }

    @Test
    void aDayPutInABasketAfterTheClosureIsCancelledToo() {
        process.on(closed("RESTAURATION", "2026-10-06"));

        process.on(booked("2015-00100", "RESTAURATION", "2026-10-05", "2026-10-06"));
        process.sendCancellations();

        assertThat(commands()).singleElement().satisfies(command -> {
            assertThat(command.dossierNumber()).isEqualTo("2015-00100");
            assertThat(command.day()).isEqualTo(LocalDate.parse("2026-10-06"));
        });
    }

    @Test
    void aDayReopenedBeforeItsJobsWereSentTakesThemBack() {
        process.on(booked("2015-00100", "RESTAURATION", "2026-09-08"));
        process.on(closed("RESTAURATION", "2026-10-06"));

        process.on(new ServiceDayReopenedEvent("town", LocalDate.parse("2026-10-06"), "RESTAURATION"));
        process.sendCancellations();

        assertThat(commands()).isEmpty();
        assertThat(jobs()).isZero();
    }

    @Test
    void aClosureOfAPastDayLeavesItsBookingsAsTheyAre() {
        process.on(booked("2015-00100", "RESTAURATION", "2026-09-08"));
        clock.setTo("2026-09-09T08:00:00");

        process.on(closed("RESTAURATION", "2026-09-08"));
        process.sendCancellations();

        assertThat(commands()).isEmpty();
    }

    // ----- helpers -----

    /** The process as a command-side node runs it, with dossiers that answer as the test says. */
    private ClosureCancellations node() {
        CommandGateway gateway = mock(CommandGateway.class);
        when(gateway.sendAndWait(any())).thenAnswer(invocation -> {
            CommandMessage<?> message = invocation.getArgument(0);
            sent.add(message);
            return dossiers.apply((CancelClosedDayBookingsCommand) message.getPayload());
        });
        ClosureCancellations node = new ClosureCancellations(database, gateway, clock);
        nodes.add(node);
        return node;
    }

    private List<CancelClosedDayBookingsCommand> commands() {
        synchronized (sent) {
            return sent.stream().map(message -> (CancelClosedDayBookingsCommand) message.getPayload()).toList();
        }
    }

    private long jobs() {
        return database.getCollection("planning_closure_jobs").countDocuments();
    }

    private static DaysAddedToBasketEvent booked(String dossierNumber, String service, String... days) {
        return new DaysAddedToBasketEvent(dossierNumber, dossierNumber + "-P1", "parent", dossierNumber + "-child",
                                          service, ChangeKind.BOOK, Billing.PREPAID,
                                          java.util.Arrays.stream(days)
                                                  .map(day -> new BasketDay(LocalDate.parse(day), 240)).toList(),
                                          false, EXPIRY);
    }

    private static ServiceDayClosedEvent closed(String service, String day) {
        return new ServiceDayClosedEvent("town", LocalDate.parse(day), service, "grève");
    }

    private static String dossier(int family) {
        return String.format("2020-%05d", family);
    }
}
