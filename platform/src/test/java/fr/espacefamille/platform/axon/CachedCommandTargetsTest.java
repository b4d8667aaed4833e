package fr.espacefamille.platform.axon;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.IdentifierMissingException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedCommandTargetsTest {

    private final CachedCommandTargets targets = new CachedCommandTargets();

    record RenameDossier(@TargetAggregateIdentifier String dossierNumber, String name) {
    }

    record VersionedChange(@TargetAggregateIdentifier String id, @TargetAggregateVersion Integer version) {
    }

    record CreateDossier(String name) {
    }

    static final class ByMethod {
        private final int number;

        ByMethod(int number) {
            this.number = number;
        }

        @TargetAggregateIdentifier
        String target() {
            return "D-" + number;
        }
    }

    @Test
    void findsTheAnnotatedComponentOfARecord() {
        assertThat(resolve(new RenameDossier("D-0012", "Martin")))
                .isEqualTo(new VersionedAggregateIdentifier("D-0012", null));
        assertThat(resolve(new RenameDossier("D-0013", "Durand")).getIdentifier())
                .as("looked up once, read for every command").isEqualTo("D-0013");
    }

    @Test
    void readsAnAnnotatedMethodAndTheVersion() {
        assertThat(resolve(new ByMethod(7)).getIdentifier()).isEqualTo("D-7");
        assertThat(resolve(new VersionedChange("D-1", 4))).isEqualTo(new VersionedAggregateIdentifier("D-1", 4L));
    }

    @Test
    void aCommandWithoutTargetIsRefusedAsAxonExpectsOfACreatingCommand() {
        assertThatThrownBy(() -> resolve(new CreateDossier("Martin")))
                .isInstanceOf(IdentifierMissingException.class).hasMessageContaining("CreateDossier");
        assertThatThrownBy(() -> resolve(new RenameDossier(null, "Martin")))
                .isInstanceOf(IdentifierMissingException.class);
    }

    private VersionedAggregateIdentifier resolve(Object command) {
        return targets.resolveTarget(GenericCommandMessage.asCommandMessage(command));
    }
}
