package fr.espacefamille.query.dossier;

import fr.espacefamille.events.account.AccountIds;
import fr.espacefamille.events.dossier.AccountLinkedEvent;
import fr.espacefamille.events.dossier.AccountUnlinkedEvent;
import fr.espacefamille.platform.security.DossierAccess;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Keeps the access check of both sides ({@link DossierAccess}) in step with the dossiers: an
 * account whose guardian an import dropped is refused the dossier from the moment this group
 * sees the event, whatever its open sessions say. A group of its own, so that rebuilding the
 * dossier views never opens a withdrawn access for a while; nothing is deleted on a replay,
 * and the sequence numbers keep every write in the order of the dossier's events.
 */
@Component
@ProcessingGroup(DossierAccessProjection.GROUP)
class DossierAccessProjection {

    static final String GROUP = "dossier-access";

    private final DossierAccess access;

    DossierAccessProjection(DossierAccess access) {
        this.access = access;
    }

    @EventHandler
    void on(AccountLinkedEvent event, @SequenceNumber long sequenceNumber) {
        access.open(event.dossierNumber(), AccountIds.of(event.username()), sequenceNumber);
    }

    @EventHandler
    void on(AccountUnlinkedEvent event, @SequenceNumber long sequenceNumber) {
        access.withdraw(event.dossierNumber(), event.accountId(), sequenceNumber);
    }
}
