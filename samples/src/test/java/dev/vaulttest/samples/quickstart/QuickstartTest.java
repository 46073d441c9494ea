package dev.vaulttest.samples.quickstart;

// tag::quickstart[]
import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultNode;
import dev.vaulttest.junit5.Active;
import dev.vaulttest.junit5.Disruptive;
import dev.vaulttest.junit5.VaultTest;
import dev.vaulttest.vault.RaftConfiguration.RaftServer;
import dev.vaulttest.vault.VaultNodeClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@VaultTest // k3s, the official chart (pinned), 3 raft nodes, Shamir; skipped without Docker
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuickstartTest {

    @Test
    @Order(1)
    void threeVotersAndOneActiveNode(DeploymentSnapshot snapshot, @Active VaultNode active) {
        assertThat(snapshot.raft()).hasValueSatisfying(raft -> {
            assertThat(raft.voters()).extracting(RaftServer::nodeId).hasSize(3);
            assertThat(raft.leader()).map(RaftServer::nodeId).hasValue(active.name());
        });
    }

    @Test
    @Order(2)
    void writesAndReadsASecret(VaultNodeClient vault) {
        vault.enableKvV2("team");
        vault.putSecret("team", "db", Map.of("password", "s3cret"));

        assertThat(vault.getSecret("team", "db"))
                .hasValueSatisfying(secret -> assertThat(secret.data()).containsEntry("password", "s3cret"));
    }

    @Test
    @Order(3)
    @Disruptive // afterwards the extension unseals the restarted pod, or rebuilds the deployment
    void theSecretSurvivesTheLossOfTheActivePod(VaultEnvironment vault, KubernetesClient kubernetes) {
        String lost = vault.active().name();
        kubernetes.pods().inNamespace(vault.namespace()).withName(lost).delete();

        vault.unsealAll(Duration.ofMinutes(3));
        vault.awaitReady(Duration.ofMinutes(3));

        assertThat(vault.client().getSecret("team", "db")).isPresent();
    }
}
// end::quickstart[]
