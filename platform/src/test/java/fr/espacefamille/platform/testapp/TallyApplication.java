package fr.espacefamille.platform.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A minimal application on the project's Axon and MongoDB wiring, for the event store's
 * integration tests: one aggregate, one projection.
 */
@SpringBootApplication
public class TallyApplication {
}
