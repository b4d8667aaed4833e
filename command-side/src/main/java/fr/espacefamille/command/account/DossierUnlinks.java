package fr.espacefamille.command.account;

import fr.espacefamille.events.Audit;
import fr.espacefamille.events.account.UnlinkDossierCommand;
import fr.espacefamille.events.dossier.AccountUnlinkedEvent;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Tells an account that a dossier no longer counts it among its guardians' (an import dropped
 * the guardian), so that its next logins no longer reach that dossier. Sessions already open
 * are refused by the access check as soon as the query side has seen the same event. At least
 * once; the command changes nothing the second time.
 */
@Component
@ProcessingGroup(DossierUnlinks.GROUP)
class DossierUnlinks {

    static final String GROUP = "account-dossier-unlinks";

    private final CommandGateway commandGateway;

    DossierUnlinks(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @EventHandler
    void on(AccountUnlinkedEvent event, @MetaDataValue(Audit.AUTHOR) String author) {
        commandGateway.sendAndWait(GenericCommandMessage
                .asCommandMessage(new UnlinkDossierCommand(event.accountId(), event.dossierNumber()))
                .andMetaData(author == null ? MetaData.emptyInstance() : MetaData.with(Audit.AUTHOR, author)));
    }
}
