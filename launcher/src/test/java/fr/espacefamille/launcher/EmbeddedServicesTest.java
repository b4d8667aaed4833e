package fr.espacefamille.launcher;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the embedded default decides from the environment, before anything is started. */
class EmbeddedServicesTest {

    private final EmbeddedServices embeddedServices = new EmbeddedServices(new DeferredLogs());

    @Test
    void switchedOffItStartsNothingAndChangesNoSetting() {
        StandardEnvironment environment = environment(Map.of("espace-famille.embedded.enabled", "false"));

        embeddedServices.postProcessEnvironment(environment, new SpringApplication(EspaceFamilleApplication.class));

        assertThat(environment.getPropertySources().contains("embedded-services")).isFalse();
        assertThat(environment.containsProperty("spring.data.mongodb.uri")).isFalse();
        assertThat(environment.containsProperty("spring.mail.host")).isFalse();
        assertThat(environment.containsProperty("espace-famille.event-store.single-writer")).isFalse();
    }

    @Test
    void withBothServersConfiguredItStartsNeither() {
        StandardEnvironment environment = environment(Map.of("spring.data.mongodb.uri", "mongodb://db.example:27017",
                                                              "spring.mail.host", "smtp.example"));

        embeddedServices.postProcessEnvironment(environment, new SpringApplication(EspaceFamilleApplication.class));

        assertThat(environment.getProperty("spring.data.mongodb.uri")).isEqualTo("mongodb://db.example:27017");
        assertThat(environment.getProperty("spring.mail.host")).isEqualTo("smtp.example");
        assertThat(environment.containsProperty("espace-famille.event-store.single-writer")).isFalse();
        assertThat(environment.containsProperty("espace-famille.demo-data.enabled")).isFalse();
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
