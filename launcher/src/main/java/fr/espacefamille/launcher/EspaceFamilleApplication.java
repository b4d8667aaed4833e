package fr.espacefamille.launcher;

import fr.espacefamille.command.CommandSide;
import fr.espacefamille.query.QuerySide;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The whole portal in one process on one port: command side, query side and web client.
 *
 * <p>With no MongoDB or SMTP server configured, {@link EmbeddedServices} starts both in-process,
 * so that one command runs a working portal on a fresh machine.
 */
@SpringBootApplication
@Import({CommandSide.class, QuerySide.class})
public class EspaceFamilleApplication {

    public static void main(String[] args) {
        SpringApplication.run(EspaceFamilleApplication.class, args);
    }
}
