package fr.espacefamille.command.dossier;

import fr.espacefamille.command.planning.FamilyPlanning;
import fr.espacefamille.command.planning.PlanningRules;
import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.account.AccountIds;
import fr.espacefamille.events.dossier.AccountLinkedEvent;
import fr.espacefamille.events.dossier.AccountUnlinkedEvent;
import fr.espacefamille.events.dossier.ChangeInvoiceDeliveryModeCommand;
import fr.espacefamille.events.dossier.DocumentPublishedEvent;
import fr.espacefamille.events.dossier.DossierDetails;
import fr.espacefamille.events.dossier.DossierDetailsChangedEvent;
import fr.espacefamille.events.dossier.DossierImportOutcome;
import fr.espacefamille.events.dossier.DossierRegisteredEvent;
import fr.espacefamille.events.dossier.Guardian;
import fr.espacefamille.events.dossier.GuardianEmailGivenEvent;
import fr.espacefamille.events.dossier.GuardianPhonesChangedEvent;
import fr.espacefamille.events.dossier.ImportDossierCommand;
import fr.espacefamille.events.dossier.InvoiceDeliveryMode;
import fr.espacefamille.events.dossier.InvoiceDeliveryModeChangedEvent;
import fr.espacefamille.events.dossier.LinkAccountCommand;
import fr.espacefamille.events.dossier.LinkedGuardian;
import fr.espacefamille.events.dossier.PublishDocumentCommand;
import fr.espacefamille.events.dossier.RecordGuardianEmailCommand;
import fr.espacefamille.events.dossier.UpdatePhonesCommand;
import fr.espacefamille.platform.axon.AxonMongoConfiguration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A family's dossier, as the town's software knows it: guardians, children and enrolments,
 * and what the family changed on the portal.
 *
 * <p>Identified by the dossier number printed on the town's letter. The town's export is the
 * source of truth for the details; importing it again changes only what differs. A phone
 * number or the invoice delivery mode that the family changed on the portal survives the next
 * imports as long as the export still carries the value it had before.
 *
 * <p>The dossier is also the family's consistency boundary for bookings: its
 * {@link FamilyPlanning} decides the children's days, the parents' baskets and the credit. An
 * import that takes a child out of the dossier, or out of a service, takes the child's days
 * back in the same command.
 */
@Aggregate(cache = AxonMongoConfiguration.AGGREGATE_CACHE,
           snapshotTriggerDefinition = AxonMongoConfiguration.SNAPSHOT_TRIGGER)
public class Dossier {

    @AggregateIdentifier
    private String dossierNumber;
    private DossierDetails details;
    /** The export's details at the last import, the base of the next merge; absent from older snapshots. */
    private DossierDetails imported;
    /** The guardian each linked account stands for, by account id. */
    private Map<String, Integer> accounts = new HashMap<>();
    private Set<String> documentIds = new HashSet<>();
    @AggregateMember
    private FamilyPlanning planning = new FamilyPlanning();

    Dossier() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    DossierImportOutcome handle(ImportDossierCommand command, PlanningRules rules, Clock clock) {
        if (isNew()) {
            apply(new DossierRegisteredEvent(command.dossierNumber(), command.details()));
            return DossierImportOutcome.REGISTERED;
        }

        DossierDetails lastImport = imported == null ? details : imported;
        if (lastImport.equals(command.details())) {
            return DossierImportOutcome.UNCHANGED;
        }

        DossierDetails merged = DetailsMerge.keepFamilyChanges(details, lastImport, command.details());
        Map<String, Integer> linkedBefore = new TreeMap<>(accounts);
        List<Guardian> guardiansBefore = details.guardians();
        apply(new DossierDetailsChangedEvent(dossierNumber, merged,
                                             merged.equals(command.details()) ? null : command.details()));
        linkedBefore.forEach((accountId, index) -> {
            if (!accounts.containsKey(accountId)) {
                apply(new AccountUnlinkedEvent(dossierNumber, accountId, displayName(guardiansBefore.get(index))));
            }
        });
        planning.cancelWhatTheImportRemoved(rules, clock);
        return DossierImportOutcome.CHANGED;
    }

    @CommandHandler
    LinkedGuardian handle(LinkAccountCommand command) {
        if (!DossierNames.match(command.dossierName(), details.dossierName())) {
            throw DossierRefusals.pairMismatch();
        }

        String accountId = AccountIds.of(command.username());
        Integer known = accounts.get(accountId);
        if (known != null) {
            return linkedGuardian(known);
        }

        int guardianIndex = guardianFor(command.email());
        if (hasAccount(guardianIndex)) {
            throw DossierRefusals.guardianAlreadyLinked();
        }

        apply(new AccountLinkedEvent(dossierNumber, command.username(), guardianIndex));
        return linkedGuardian(guardianIndex);
    }

    @CommandHandler
    void handle(RecordGuardianEmailCommand command) {
        Integer guardianIndex = accounts.get(AccountIds.of(command.username()));
        if (guardianIndex == null || details.guardians().get(guardianIndex).email() != null) {
            return;
        }

        apply(new GuardianEmailGivenEvent(dossierNumber, guardianIndex, command.email()));
    }

    @CommandHandler
    void handle(UpdatePhonesCommand command) {
        int guardianIndex = guardianOf(command.username());

        Guardian guardian = details.guardians().get(guardianIndex);
        if (Objects.equals(guardian.mobilePhone(), command.mobilePhone())
                && Objects.equals(guardian.homePhone(), command.homePhone())) {
            return;
        }

        apply(new GuardianPhonesChangedEvent(dossierNumber, guardianIndex,
                                             command.mobilePhone(), command.homePhone()));
    }

    @CommandHandler
    void handle(ChangeInvoiceDeliveryModeCommand command) {
        guardianOf(command.username());
        InvoiceDeliveryMode mode = command.invoiceDeliveryMode();
        if (mode == InvoiceDeliveryMode.EMAIL && details.guardians().stream().allMatch(g -> g.email() == null)) {
            throw RefusedException.invalid("INVOICE_EMAIL_WITHOUT_ADDRESS",
                    "Aucun responsable du dossier n'a d'adresse e-mail : les factures ne peuvent pas être "
                            + "envoyées par e-mail. Contactez le service famille pour en ajouter une.");
        }

        if (mode == details.invoiceDeliveryMode()) {
            return;
        }

        apply(new InvoiceDeliveryModeChangedEvent(dossierNumber, mode));
    }

    @CommandHandler
    void handle(PublishDocumentCommand command) {
        if (documentIds.contains(command.document().documentId())) {
            return;
        }

        apply(new DocumentPublishedEvent(dossierNumber, command.document()));
    }

    @EventSourcingHandler
    void on(DossierRegisteredEvent event) {
        dossierNumber = event.dossierNumber();
        details = event.details();
        imported = event.details();
    }

    @EventSourcingHandler
    void on(DossierDetailsChangedEvent event) {
        List<Guardian> before = details.guardians();
        details = event.details();
        imported = event.imported() == null ? event.details() : event.imported();
        accounts = followGuardians(accounts, before, details.guardians());
    }

    /**
     * The guardians' accounts after an import: each account follows its guardian, found by
     * name, wherever the export now lists him or her; the account of a guardian the export no
     * longer lists stands for nobody in this dossier any more (recorded since as an
     * {@link AccountUnlinkedEvent}, after the change).
     */
    private static Map<String, Integer> followGuardians(Map<String, Integer> accounts,
                                                        List<Guardian> before, List<Guardian> after) {
        Map<String, Integer> followed = new HashMap<>();
        accounts.forEach((accountId, index) -> {
            if (index < before.size()) {
                indexOfSamePerson(before.get(index), after).ifPresent(found -> followed.put(accountId, found));
            }
        });
        return followed;
    }

    private static Optional<Integer> indexOfSamePerson(Guardian guardian, List<Guardian> guardians) {
        for (int i = 0; i < guardians.size(); i++) {
            Guardian other = guardians.get(i);
            if (DossierNames.key(guardian.firstName()).equals(DossierNames.key(other.firstName()))
                    && DossierNames.key(guardian.lastName()).equals(DossierNames.key(other.lastName()))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    @EventSourcingHandler
    void on(AccountLinkedEvent event) {
        accounts.put(AccountIds.of(event.username()), event.guardianIndex());
    }

    @EventSourcingHandler
    void on(AccountUnlinkedEvent event) {
        accounts.remove(event.accountId());
    }

    @EventSourcingHandler
    void on(GuardianEmailGivenEvent event) {
        List<Guardian> guardians = new ArrayList<>(details.guardians());
        Guardian guardian = guardians.get(event.guardianIndex());
        guardians.set(event.guardianIndex(), new Guardian(guardian.civility(), guardian.firstName(),
                guardian.lastName(), event.email(), guardian.mobilePhone(), guardian.homePhone(), guardian.address()));
        details = new DossierDetails(details.dossierName(), details.familyQuotient(),
                                     details.invoiceDeliveryMode(), guardians, details.children());
    }

    @EventSourcingHandler
    void on(GuardianPhonesChangedEvent event) {
        List<Guardian> guardians = new ArrayList<>(details.guardians());
        Guardian guardian = guardians.get(event.guardianIndex());
        guardians.set(event.guardianIndex(), new Guardian(guardian.civility(), guardian.firstName(),
                guardian.lastName(), guardian.email(), event.mobilePhone(), event.homePhone(), guardian.address()));
        details = new DossierDetails(details.dossierName(), details.familyQuotient(),
                                     details.invoiceDeliveryMode(), guardians, details.children());
    }

    @EventSourcingHandler
    void on(InvoiceDeliveryModeChangedEvent event) {
        details = new DossierDetails(details.dossierName(), details.familyQuotient(),
                                     event.invoiceDeliveryMode(), details.guardians(), details.children());
    }

    @EventSourcingHandler
    void on(DocumentPublishedEvent event) {
        documentIds.add(event.document().documentId());
    }

    /** The guardian the account stands for; refused for an account not linked here. */
    private int guardianOf(String username) {
        Integer guardianIndex = accounts.get(AccountIds.of(username));
        if (guardianIndex == null) {
            throw RefusedException.forbidden("ACCOUNT_NOT_LINKED",
                    "Votre compte n'est rattaché à aucun responsable de ce dossier.");
        }
        return guardianIndex;
    }

    private boolean isNew() {
        return dossierNumber == null;
    }

    private boolean hasAccount(int guardianIndex) {
        return accounts.containsValue(guardianIndex);
    }

    /**
     * The guardian with this e-mail address, else the first one without an address who has no
     * account yet; when all of those have one, the first of them, whom the link then finds taken.
     * Never a guardian with another address: knowing the letter is not enough to take one over.
     */
    private int guardianFor(String email) {
        List<Guardian> guardians = details.guardians();
        String wanted = email == null ? "" : email.toLowerCase(Locale.ROOT);
        for (int i = 0; i < guardians.size(); i++) {
            if (wanted.equals(guardians.get(i).email())) {
                return i;
            }
        }
        Integer withoutEmail = null;
        for (int i = 0; i < guardians.size(); i++) {
            if (guardians.get(i).email() == null && !hasAccount(i)) {
                return i;
            }
            if (guardians.get(i).email() == null && withoutEmail == null) {
                withoutEmail = i;
            }
        }
        if (withoutEmail != null) {
            return withoutEmail;
        }
        throw RefusedException.invalid("EMAIL_NOT_IN_DOSSIER",
                "Votre adresse e-mail n'est pas celle que la mairie connaît pour ce dossier. Inscrivez-vous "
                        + "avec l'adresse donnée à la mairie, ou contactez le service famille.");
    }

    private LinkedGuardian linkedGuardian(int guardianIndex) {
        return new LinkedGuardian(guardianIndex, displayName(details.guardians().get(guardianIndex)));
    }

    private static String displayName(Guardian guardian) {
        return guardian.firstName() + " " + guardian.lastName();
    }
}
