package fr.espacefamille.command.dossier;

import fr.espacefamille.events.Audit;
import fr.espacefamille.events.calendar.PlanningSetup;
import fr.espacefamille.events.calendar.ServiceDefinition;
import fr.espacefamille.events.dossier.DossierImportOutcome;
import fr.espacefamille.events.dossier.DossierImportReport;
import fr.espacefamille.events.dossier.ImportDossierCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Imports the town's dossier export: one {@link ImportDossierCommand} per well-formed dossier.
 *
 * <p>Importing the same file twice records nothing the second time; a malformed line leaves its
 * dossier as it was and is reported, and the other dossiers are imported.
 */
@Service
@EnableConfigurationProperties(DossierImportProperties.class)
public class DossierImport {

    private static final Logger logger = LoggerFactory.getLogger(DossierImport.class);

    private final CommandGateway commandGateway;
    private final Set<String> knownServices;
    private final Clock clock;

    /** @param setup the town's services: the codes the export may name in {@code inscriptions} */
    DossierImport(CommandGateway commandGateway, PlanningSetup setup, Clock clock) {
        this.commandGateway = commandGateway;
        this.knownServices = setup.services().stream().map(ServiceDefinition::code).collect(Collectors.toSet());
        this.clock = clock;
    }

    /**
     * Reads the file and imports its dossiers.
     *
     * @param file   the export as uploaded
     * @param author who imports it, for the audit trail ({@link Audit#AUTHOR})
     * @throws fr.espacefamille.events.RefusedException when the file cannot be read at all
     */
    public DossierImportReport importFile(byte[] file, String author) {
        DossierExport.Contents contents = new DossierExport(knownServices, LocalDate.now(clock))
                .read(file);

        Map<DossierImportOutcome, Integer> outcomes = new EnumMap<>(DossierImportOutcome.class);
        MetaData metaData = MetaData.with(Audit.AUTHOR, author);
        for (ImportDossierCommand command : contents.dossiers()) {
            DossierImportOutcome outcome =
                    commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
            outcomes.merge(outcome, 1, Integer::sum);
        }

        DossierImportReport report = new DossierImportReport(
                contents.lines(),
                outcomes.getOrDefault(DossierImportOutcome.REGISTERED, 0),
                outcomes.getOrDefault(DossierImportOutcome.CHANGED, 0),
                outcomes.getOrDefault(DossierImportOutcome.UNCHANGED, 0),
                contents.rejectedDossiers(),
                contents.problems());
        logger.info("Dossier import by [{}]: [{}] registered, [{}] changed, [{}] unchanged, [{}] rejected",
                    author, report.registered(), report.changed(), report.unchanged(),
                    report.rejectedDossiers().size());
        return report;
    }
}
