package fr.espacefamille.command.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The town's booking settings ({@code espace-famille.planning.*}).
 *
 * @param catalogue           the services file (YAML), a Spring resource location
 * @param schoolHolidays      the ministry's export of dataset {@code fr-en-calendrier-scolaire} (JSON)
 * @param zone                the town's zone in that export, such as {@code Zone C}
 * @param academy             the town's académie, to pick its rows; {@code null} for any of the zone
 * @param publicHolidays      the public-holiday files ({@code {"YYYY-MM-DD": "name"}}), a resource pattern
 * @param basketTimeout       how long a basket lives without change, and how long a payment may take
 * @param expiryCheckInterval how often each node looks for baskets to release
 * @param closureCheckInterval how often each node looks for the bookings of closed days to cancel
 */
@ConfigurationProperties("espace-famille.planning")
public record PlanningProperties(
        String catalogue,
        String schoolHolidays,
        String zone,
        String academy,
        String publicHolidays,
        Duration basketTimeout,
        Duration expiryCheckInterval,
        Duration closureCheckInterval
) {

    public PlanningProperties {
        catalogue = catalogue == null ? "classpath:planning/saint-just.yml" : catalogue;
        schoolHolidays = schoolHolidays == null ? "classpath:planning/fr-en-calendrier-scolaire.json" : schoolHolidays;
        zone = zone == null ? "Zone C" : zone;
        academy = academy == null ? "Montpellier" : academy.isBlank() ? null : academy;
        publicHolidays = publicHolidays == null ? "classpath*:planning/jours-feries-metropole-*.json" : publicHolidays;
        basketTimeout = basketTimeout == null ? Duration.ofMinutes(20) : basketTimeout;
        expiryCheckInterval = expiryCheckInterval == null ? Duration.ofSeconds(5) : expiryCheckInterval;
        closureCheckInterval = closureCheckInterval == null ? Duration.ofSeconds(2) : closureCheckInterval;
    }
}
