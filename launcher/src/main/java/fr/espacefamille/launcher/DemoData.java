package fr.espacefamille.launcher;

import fr.espacefamille.command.dossier.DossierImport;
import fr.espacefamille.events.Audit;
import fr.espacefamille.events.dossier.DossierImportReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Imports Saint-Just's dossier export at start-up, so that the embedded portal has families to
 * show. Importing it again at each start changes nothing.
 *
 * <p>On by default with the embedded MongoDB only ({@link EmbeddedServices}); never against a
 * configured server unless {@code espace-famille.demo-data.enabled=true} is set.
 */
@Component
@ConditionalOnProperty(name = "espace-famille.demo-data.enabled", havingValue = "true")
class DemoData {

    static final String DOSSIERS = "demo/dossiers-saint-just.csv";
    private static final Logger logger = LoggerFactory.getLogger(DemoData.class);

    private final DossierImport dossierImport;

    DemoData(DossierImport dossierImport) {
        this.dossierImport = dossierImport;
    }

    @EventListener(ApplicationReadyEvent.class)
    void importDemoDossiers() {
        DossierImportReport report = dossierImport.importFile(read(DOSSIERS), Audit.IMPORT);
        logger.info("Demo dossiers of Saint-Just: [{}] registered, [{}] changed, [{}] already there",
                    report.registered(), report.changed(), report.unchanged());
    }

    private static byte[] read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo data " + resource, e);
        }
    }
}
