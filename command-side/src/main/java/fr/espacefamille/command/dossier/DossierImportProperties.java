package fr.espacefamille.command.dossier;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Set;

/**
 * Settings of the dossier import ({@code espace-famille.dossier-import.*}).
 *
 * @param knownServices the service codes the town's export may name in {@code inscriptions};
 *                      by default those of Saint-Just
 * @param maxFileSize   the largest export accepted, in bytes
 */
@ConfigurationProperties("espace-famille.dossier-import")
public record DossierImportProperties(
        Set<String> knownServices,
        Integer maxFileSize
) {

    public DossierImportProperties {
        knownServices = knownServices == null || knownServices.isEmpty()
                ? Set.of("RESTAURATION", "ACCUEIL_MATIN", "ACCUEIL_SOIR", "TAP", "MERCREDI")
                : Set.copyOf(knownServices);
        maxFileSize = maxFileSize == null ? 10 * 1024 * 1024 : maxFileSize;
    }
}
