package dev.vaulttest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.VaultEnvironmentSpec.EnvironmentTimeouts;
import dev.vaulttest.NodeRole;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.fixture.RealVault;
import dev.vaulttest.testkit.real.VaultProcessCluster;
import dev.vaulttest.timing.Phase;
import dev.vaulttest.timing.PhaseTimeline.PhaseTiming;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The bring-up sequence (init, unseal, join, ready gate) of {@link RunningEnvironment} and {@link BringUp} against
 * three real Vault processes; only the pods and the Helm install are simulated.
 */
@EnableKubernetesMockClient(crud = true, https = false)
// Its tests own their processes: beside other classes, and beside each other.
@Execution(ExecutionMode.CONCURRENT)
class BringUpRealVaultTest {

    KubernetesClient client;

    @Test
    void brings_three_real_shamir_nodes_to_the_ready_gate_and_unseals_them_after_restarts() {
        VaultEnvironmentSpec spec = VaultEnvironmentSpec.builder().replicas(3)
                .timeouts(new EnvironmentTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30),
                        Duration.ofSeconds(90), Duration.ofMillis(200)))
                .build();
        try (VaultProcessCluster vault = VaultProcessCluster.builder(RealVault.binaries()).nodes(3).retryJoin(true)
                .start();
                ProcessBackedEnvironment fixture = ProcessBackedEnvironment.start(client, spec, vault)) {
            VaultEnvironment env = fixture.environment();

            DeploymentSnapshot ready = env.snapshot();
            assertThat(ready.nodes()).hasSize(3).allMatch(NodeSnapshot::isUnsealed);
            assertThat(ready.nodesIn(NodeRole.ACTIVE)).hasSize(1);
            assertThat(ready.raft()).hasValueSatisfying(raft -> assertThat(raft.voters()).hasSize(3));
            assertThat(env.timeline().phases()).extracting(PhaseTiming::phase).containsExactly(
                    Phase.INSTALL, Phase.PODS_RUNNING, Phase.INIT, Phase.UNSEAL,
                    Phase.JOIN, Phase.READY);

            vault.restart(vault.node(1));
            vault.restart(vault.node(2));
            DeploymentSnapshot unsealed = env.unsealAll(Duration.ofSeconds(60));

            assertThat(unsealed.nodes()).allMatch(NodeSnapshot::isUnsealed);
            DeploymentSnapshot again = env.awaitReady(Duration.ofSeconds(60));
            assertThat(again.nodesIn(NodeRole.ACTIVE)).hasSize(1);
            env.client().enableKvV2("app");
            env.client().putSecret("app", "config", Map.of("k", "v"));
            assertThat(env.client().getSecret("app", "config")).isPresent();
        }
    }
}
