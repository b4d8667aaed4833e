package fr.espacefamille.command.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.espacefamille.events.calendar.PlanningSetup;
import fr.espacefamille.events.calendar.SchoolCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Builds the town's {@link PlanningSetup} from its files: the services, the ministry's school
 * holidays for the zone and the public holidays. The command side checks every booking against
 * it and publishes it, so that the query side shows the same calendar.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlanningProperties.class)
public class PlanningSetupConfiguration {

    private static final Logger logger = LoggerFactory.getLogger(PlanningSetupConfiguration.class);

    @Bean
    PlanningSetup planningSetup(PlanningProperties properties, ResourceLoader resourceLoader,
                                ObjectMapper objectMapper) {
        return read(properties, resourceLoader, objectMapper);
    }

    /** Reads the town's planning files as the properties name them. */
    public static PlanningSetup read(PlanningProperties properties, ResourceLoader resourceLoader,
                                     ObjectMapper objectMapper) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(resourceLoader);
        try (InputStream export = resolver.getResource(properties.schoolHolidays()).getInputStream()) {
            SchoolHolidayExport.Contents school = new SchoolHolidayExport(objectMapper)
                    .read(export, properties.zone(), properties.academy());
            SchoolCalendar calendar = new SchoolCalendar(properties.zone(), school.schoolYears(), school.holidays(),
                    new PublicHolidayFiles(objectMapper).read(resolver.getResources(properties.publicHolidays())));
            PlanningSetup setup = new PlanningSetup(
                    ServiceCatalogue.read(resolver.getResource(properties.catalogue())), calendar);
            logger.info("Planning: [{}] services, school years {}, [{}] public holidays",
                        setup.services().size(),
                        calendar.schoolYears().stream().map(year -> year.name()).toList(),
                        calendar.publicHolidays().size());
            return setup;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the town's planning files", e);
        }
    }
}
