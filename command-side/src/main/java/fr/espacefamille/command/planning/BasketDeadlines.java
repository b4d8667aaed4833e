package fr.espacefamille.command.planning;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import fr.espacefamille.events.Audit;
import fr.espacefamille.events.planning.BasketCheckedOutEvent;
import fr.espacefamille.events.planning.BasketConfirmedEvent;
import fr.espacefamille.events.planning.BasketOpenedEvent;
import fr.espacefamille.events.planning.BasketPaymentFailedEvent;
import fr.espacefamille.events.planning.BasketReleasedEvent;
import fr.espacefamille.events.planning.DaysAddedToBasketEvent;
import fr.espacefamille.events.planning.DaysRemovedFromBasketEvent;
import fr.espacefamille.events.planning.ExpireBasketCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Releases the baskets that were not confirmed in time, surviving restarts and running on any
 * number of command-side nodes.
 *
 * <p>The deadlines are a projection of the baskets' events: one document per live basket in
 * {@code basket_deadlines}, with its expiry. Every node looks, every few seconds, for the
 * deadlines that have passed and sends {@link ExpireBasketCommand}; the basket decides, so a
 * deadline seen by two nodes, or one that moved meanwhile, releases nothing twice. The
 * collection holds only live baskets (a few hundred at the 17h rush), so scanning it for the
 * due ones stays cheap even on the in-process server.
 */
@Component
@ProcessingGroup(BasketDeadlines.GROUP)
class BasketDeadlines {

    static final String GROUP = "basket-deadlines";
    /** The author of what the portal records when a basket expires. */
    static final String AUTHOR = "system:basket-expiry";
    private static final Logger logger = LoggerFactory.getLogger(BasketDeadlines.class);

    private final MongoCollection<Document> deadlines;
    private final CommandGateway commandGateway;
    private final Clock clock;

    BasketDeadlines(MongoDatabase database, CommandGateway commandGateway, Clock clock) {
        this.deadlines = database.getCollection("basket_deadlines");
        this.commandGateway = commandGateway;
        this.clock = clock;
    }

    @EventHandler
    void on(BasketOpenedEvent event) {
        schedule(event.dossierNumber(), event.basketId(), event.expiresAt());
    }

    @EventHandler
    void on(DaysAddedToBasketEvent event) {
        schedule(event.dossierNumber(), event.basketId(), event.expiresAt());
    }

    @EventHandler
    void on(DaysRemovedFromBasketEvent event) {
        schedule(event.dossierNumber(), event.basketId(), event.expiresAt());
    }

    @EventHandler
    void on(BasketCheckedOutEvent event) {
        schedule(event.dossierNumber(), event.basketId(), event.expiresAt());
    }

    @EventHandler
    void on(BasketPaymentFailedEvent event) {
        schedule(event.dossierNumber(), event.basketId(), event.expiresAt());
    }

    @EventHandler
    void on(BasketConfirmedEvent event) {
        deadlines.deleteOne(Filters.eq("_id", event.basketId()));
    }

    @EventHandler
    void on(BasketReleasedEvent event) {
        deadlines.deleteOne(Filters.eq("_id", event.basketId()));
    }

    @ResetHandler
    void reset() {
        deadlines.deleteMany(new Document());
    }

    /** Sends the expiry of every basket whose deadline has passed. */
    @Scheduled(fixedDelayString = "${espace-famille.planning.expiry-check-interval:5s}",
               initialDelayString = "${espace-famille.planning.expiry-check-interval:5s}")
    void releaseDueBaskets() {
        List<Document> due = deadlines.find(Filters.lte("expiresAt", Date.from(clock.instant())))
                                      .into(new ArrayList<>());
        for (Document deadline : due) {
            try {
                commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new ExpireBasketCommand(deadline.getString("dossierNumber"), deadline.getString("_id")))
                        .andMetaData(MetaData.with(Audit.AUTHOR, AUTHOR)));
            } catch (RuntimeException e) {
                logger.warn("Could not release basket [{}]; will try again", deadline.getString("_id"), e);
            }
        }
    }

    private void schedule(String dossierNumber, String basketId, Instant expiresAt) {
        deadlines.replaceOne(Filters.eq("_id", basketId),
                             new Document("_id", basketId)
                                     .append("dossierNumber", dossierNumber)
                                     .append("expiresAt", Date.from(expiresAt)),
                             new ReplaceOptions().upsert(true));
    }
}
