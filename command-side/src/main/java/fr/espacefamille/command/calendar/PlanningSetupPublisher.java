package fr.espacefamille.command.calendar;

import fr.espacefamille.events.Audit;
import fr.espacefamille.events.calendar.PlanningSetup;
import fr.espacefamille.events.calendar.PublishPlanningSetupCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Publishes the town's planning setup at start-up when it differs from the one last recorded,
 * before anything else runs (demo data), so that the query side knows the services and the
 * calendar the command side checks.
 */
@Component
class PlanningSetupPublisher {

    /** The author of what the command side records from its own configuration. */
    static final String AUTHOR = "system:configuration";
    private static final Logger logger = LoggerFactory.getLogger(PlanningSetupPublisher.class);

    private final CommandGateway commandGateway;
    private final PlanningSetup setup;

    PlanningSetupPublisher(CommandGateway commandGateway, PlanningSetup setup) {
        this.commandGateway = commandGateway;
        this.setup = setup;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void publish() {
        PublishPlanningSetupCommand command = new PublishPlanningSetupCommand(PublishPlanningSetupCommand.TOWN, setup);
        Boolean changed = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                                             .andMetaData(MetaData.with(Audit.AUTHOR, AUTHOR)));
        if (Boolean.TRUE.equals(changed)) {
            logger.info("Planning setup published: [{}] services", setup.services().size());
        }
    }
}
