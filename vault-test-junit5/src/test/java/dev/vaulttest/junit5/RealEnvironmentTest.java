package dev.vaulttest.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeRole;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultNode;
import dev.vaulttest.junit5.fake.DoubleBackedFactory;
import dev.vaulttest.junit5.fake.Journal;
import dev.vaulttest.vault.VaultNodeClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The extension driving the library's real bring-up, unseal and ready gate (core's test fixture: fabric8's
 * mock API server and the Vault API double), rather than the in-memory fake.
 */
class RealEnvironmentTest {

    @TempDir
    Path reports;

    @Test
    void aDeletedActivePodComesBackSealedAndIsUnsealedBeforeTheNextTest() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports)
                .with(VaultTestSettings.ENVIRONMENT_FACTORY, DoubleBackedFactory.class.getName())
                .with(VaultTestSettings.RECOVERY_TIMEOUT, "20s")
                .run(RaftTestCases.class);

        results.allEvents().assertStatistics(stats -> stats.failed(0));
        results.testEvents().assertStatistics(stats -> stats.succeeded(3));
        assertThat(Journal.events("deploy")).hasSize(1);
        assertThat(EngineRuns.reportEntries(results, "vault-test.recovery")).singleElement()
                .satisfies(entry -> assertThat(entry).startsWith("ready again after"));
        assertThat(Journal.events()).endsWith("close mock cluster");
    }

    @Fixture
    @VaultTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class RaftTestCases {

        @Test
        @Order(1)
        void writesThroughTheActiveNode(@Active VaultNode active, @Standby VaultNode standby, VaultNodeClient client,
                DeploymentSnapshot snapshot) {
            assertThat(snapshot.nodesIn(NodeRole.ACTIVE)).hasSize(1);
            assertThat(snapshot.nodesIn(NodeRole.STANDBY)).hasSize(2);
            assertThat(client.endpoint().nodeName()).isEqualTo(active.name());
            assertThat(standby.name()).isNotEqualTo(active.name());
            client.enableKvV2("team");
            client.putSecret("team", "db", Map.of("password", "s3cret"));
            assertThat(client.getSecret("team", "db")).isPresent();
        }

        @Test
        @Order(2)
        @Disruptive
        void deletesTheActivePod(VaultEnvironment vault, KubernetesClient kubernetes) {
            String active = vault.active().name();
            kubernetes.pods().inNamespace(vault.namespace()).withName(active).delete();
            Journal.note("deleted " + active);
        }

        @Test
        @Order(3)
        void everyNodeIsUnsealedAgain(List<VaultNode> nodes, VaultEnvironment vault) {
            assertThat(nodes).allSatisfy(node -> assertThat(node.snapshot().isUnsealed()).isTrue());
            assertThat(vault.client().getSecret("team", "db")).isPresent();
        }
    }
}
