package fr.espacefamille.command.calendar;

import fr.espacefamille.events.calendar.PublishPlanningSetupCommand;
import fr.espacefamille.events.calendar.ServiceDayClosedEvent;
import fr.espacefamille.events.calendar.ServiceDayReopenedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The staff's closures as the command side checks bookings against them, read from the town
 * calendar's own stream in the event store rather than from a projection.
 *
 * <p>A projection lags behind the store: for a moment after the staff's request was answered,
 * every node would still take bookings for the day just closed. The stream is what the
 * calendar decided, and it is the same for every command-side node sharing the store: a
 * closure is seen by every booking decided after the staff's request returned. Each node keeps
 * the closures in memory and, before answering, reads the events appended to the stream since
 * it last looked, one lookup by unique stream key when there are none.
 *
 * <p>A booking decided just before the closure was appended may still be recorded just after:
 * the closure process of the planning ({@code ClosureCancellations}) takes such a day back.
 */
@Component
class EventStoreClosures implements ClosureLookup {

    private final EventStorageEngine events;
    private volatile Seen seen = new Seen(-1, Map.of());

    EventStoreClosures(EventStorageEngine events) {
        this.events = events;
    }

    /** The closures as of the calendar's event {@code sequence}: by day, the reason of each closed service. */
    private record Seen(long sequence, Map<LocalDate, Map<String, String>> closures) {
    }

    @Override
    public Map<LocalDate, String> closuresOf(String service, Collection<LocalDate> days) {
        Map<LocalDate, Map<String, String>> closures = upToDate().closures();
        Map<LocalDate, String> closed = new HashMap<>();
        for (LocalDate day : days) {
            String reason = closures.getOrDefault(day, Map.of()).get(service);
            if (reason != null) {
                closed.put(day, reason);
            }
        }
        return closed;
    }

    private Seen upToDate() {
        Seen known = seen;
        DomainEventStream appended = events.readEvents(PublishPlanningSetupCommand.TOWN, known.sequence() + 1);
        if (!appended.hasNext()) {
            return known;
        }

        Map<LocalDate, Map<String, String>> closures = new HashMap<>();
        known.closures().forEach((day, services) -> closures.put(day, new HashMap<>(services)));
        long sequence = known.sequence();
        while (appended.hasNext()) {
            DomainEventMessage<?> event = appended.next();
            apply(closures, event.getPayload());
            sequence = event.getSequenceNumber();
        }
        return remember(new Seen(sequence, closures));
    }

    /** Two threads may read the same events at once: the one that read further is kept. */
    private synchronized Seen remember(Seen read) {
        if (read.sequence() > seen.sequence()) {
            seen = read;
        }
        return seen;
    }

    private static void apply(Map<LocalDate, Map<String, String>> closures, Object event) {
        if (event instanceof ServiceDayClosedEvent closed) {
            closures.computeIfAbsent(closed.day(), day -> new HashMap<>()).put(closed.service(), closed.reason());
        } else if (event instanceof ServiceDayReopenedEvent reopened && closures.containsKey(reopened.day())) {
            closures.get(reopened.day()).remove(reopened.service());
        }
    }
}
