package fr.espacefamille.command.planning;

import fr.espacefamille.events.capacity.ConfirmPlacesCommand;
import fr.espacefamille.events.capacity.HoldPlacesCommand;
import fr.espacefamille.events.capacity.PlacesAnswer;
import fr.espacefamille.events.capacity.PlacesConfirmedEvent;
import fr.espacefamille.events.capacity.PlacesHeldEvent;
import fr.espacefamille.events.capacity.PlacesReleasedEvent;
import fr.espacefamille.events.capacity.ReleasePlacesCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

/** The places of a capacity-limited service, held by baskets and taken by bookings. */
class CapacityLedgerTest {

    private static final String LEDGER = "capacity:MERCREDI:2026-09";
    private static final LocalDate WEDNESDAY = LocalDate.parse("2026-09-09");
    private static final LocalDate NEXT_WEDNESDAY = LocalDate.parse("2026-09-16");

    private final AggregateTestFixture<CapacityLedger> fixture = new AggregateTestFixture<>(CapacityLedger.class);

    @Test
    void aPlaceIsHeldWhileTheDayHasRoom() {
        fixture.givenNoPriorActivity()
               .when(hold("basket-A", "ada", 2, WEDNESDAY))
               .expectEvents(new PlacesHeldEvent(LEDGER, "MERCREDI", "basket-A", "ada", List.of(WEDNESDAY)))
               .expectResultMessagePayload(new PlacesAnswer(List.of(WEDNESDAY), List.of()));
    }

    @Test
    void aFullDayGivesNoPlaceWhetherHeldOrBooked() {
        fixture.given(new PlacesHeldEvent(LEDGER, "MERCREDI", "basket-A", "ada", List.of(WEDNESDAY, NEXT_WEDNESDAY)),
                      new PlacesHeldEvent(LEDGER, "MERCREDI", "basket-B", "ben", List.of(WEDNESDAY)),
                      new PlacesConfirmedEvent(LEDGER, "basket-B", "ben", List.of(WEDNESDAY)))
               .when(hold("basket-C", "cleo", 2, WEDNESDAY, NEXT_WEDNESDAY))
               .expectEvents(new PlacesHeldEvent(LEDGER, "MERCREDI", "basket-C", "cleo", List.of(NEXT_WEDNESDAY)))
               .expectResultMessagePayload(new PlacesAnswer(List.of(NEXT_WEDNESDAY), List.of(WEDNESDAY)));
    }

    @Test
    void holdingAgainForTheSameBasketTakesNoSecondPlace() {
        fixture.given(new PlacesHeldEvent(LEDGER, "MERCREDI", "basket-A", "ada", List.of(WEDNESDAY)))
               .when(hold("basket-A", "ada", 1, WEDNESDAY))
               .expectNoEvents()
               .expectResultMessagePayload(new PlacesAnswer(List.of(WEDNESDAY), List.of()));
    }

    @Test
    void aReleasedBasketGivesItsPlacesBack() {
        fixture.given(new PlacesHeldEvent(LEDGER, "MERCREDI", "basket-A", "ada", List.of(WEDNESDAY)),
                      new PlacesReleasedEvent(LEDGER, "basket-A", "ada", List.of(WEDNESDAY)))
               .when(hold("basket-B", "ben", 1, WEDNESDAY))
               .expectEvents(new PlacesHeldEvent(LEDGER, "MERCREDI", "basket-B", "ben", List.of(WEDNESDAY)));
    }

    @Test
    void onlyTheBasketHoldingAPlaceCanConfirmOrReleaseIt() {
        fixture.given(new PlacesHeldEvent(LEDGER, "MERCREDI", "basket-A", "ada", List.of(WEDNESDAY)))
               .when(new ConfirmPlacesCommand(LEDGER, "basket-X", "ada", List.of(WEDNESDAY)))
               .expectNoEvents();
    }

    @Test
    void aCancelledBookingFreesItsPlace() {
        fixture.given(new PlacesHeldEvent(LEDGER, "MERCREDI", "basket-A", "ada", List.of(WEDNESDAY)),
                      new PlacesConfirmedEvent(LEDGER, "basket-A", "ada", List.of(WEDNESDAY)))
               .when(new ReleasePlacesCommand(LEDGER, null, "ada", List.of(WEDNESDAY)))
               .expectEvents(new PlacesReleasedEvent(LEDGER, null, "ada", List.of(WEDNESDAY)));
    }

    private static HoldPlacesCommand hold(String basket, String child, int capacity, LocalDate... days) {
        return new HoldPlacesCommand(LEDGER, "MERCREDI", basket, child, List.of(days), capacity);
    }
}
