package fr.espacefamille.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds {@code platform-defaults.properties} as the last property source of every application
 * of the project: the settings that both sides and the launcher share (Jackson serialization,
 * no Axon Server, the database name). Property files, the environment and the command line
 * win over these; Spring Boot's own "default properties" (set with
 * {@code SpringApplication#setDefaultProperties}) come after them and do not.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    /** Axon's update checker calls a server of its vendor at start-up; a town's portal does not. */
    private static final String AXON_UPDATE_CHECK = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(AXON_UPDATE_CHECK) == null) {
            System.setProperty(AXON_UPDATE_CHECK, "true");
        }
        try {
            new PropertiesPropertySourceLoader()
                    .load("platform-defaults", new ClassPathResource("platform-defaults.properties"))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
