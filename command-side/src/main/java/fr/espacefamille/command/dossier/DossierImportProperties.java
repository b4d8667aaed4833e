package fr.espacefamille.command.dossier;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the dossier import ({@code espace-famille.dossier-import.*}).
 *
 * <p>The service codes the export may name are those of the town's service catalogue
 * ({@code espace-famille.planning.catalogue}).
 *
 * @param maxFileSize the largest export accepted, in bytes
 */
@ConfigurationProperties("espace-famille.dossier-import")
public record DossierImportProperties(
        Integer maxFileSize
) {

    public DossierImportProperties {
        maxFileSize = maxFileSize == null ? 10 * 1024 * 1024 : maxFileSize;
    }
}
