package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.NodeRole;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.cluster.RequiresDocker;
import dev.vaulttest.fixture.ClusterForClass;
import dev.vaulttest.kms.KmsProvider;
import dev.vaulttest.kms.SealSpec;
import dev.vaulttest.timing.RecoveryMeasurement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole k3s cluster stopped and started with Vault on it. Only a cluster the library runs can be stopped, so
 * this stays on k3s also when {@code vaulttest.kubeconfig} is set; skipped without Docker.
 */
@RequiresDocker("needs a k3s container the library runs: a reboot stops and starts the whole cluster, which is"
        + " refused on an existing cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterRebootDockerTest {

    @RegisterExtension
    final ClusterForClass k3s = ClusterForClass.k3s();

    @Test
    void withAutoUnsealTheClusterComesBackUnsealedByItself() {
        VaultEnvironmentSpec spec = VaultEnvironmentSpec.builder().seal(SealSpec.awsKms(KmsProvider.LOCAL_KMS)).build();
        try (VaultEnvironment env = RealClusters.deploy(spec, k3s.cluster())) {
            try (Disruption reboot = RealClusters.chaos(env).rebootCluster()) {
                RecoveryMeasurement unsealed = reboot.recovery().await(RecoveryProbe.allUnsealed());
                RecoveryMeasurement ready = reboot.recovery().await(RecoveryProbe.readyGate());

                assertThat(unsealed.outcome()).isEqualTo(RecoveryMeasurement.Outcome.RECOVERED);
                assertThat(ready.outcome()).isEqualTo(RecoveryMeasurement.Outcome.RECOVERED);
                assertThat(reboot.healedAt()).isPresent();
            }
        }
    }

    @Test
    void withShamirEveryNodeStaysSealedUntilItsKeysAreGiven() {
        try (VaultEnvironment env = RealClusters.deploy(VaultEnvironmentSpec.builder().build(), k3s.cluster())) {
            try (Disruption reboot = RealClusters.chaos(env).rebootCluster()) {
                reboot.recovery().await(RecoveryProbe.of("every node sealed", s -> s.nodes().stream()
                        .allMatch(n -> n.role() == NodeRole.SEALED)));
                reboot.recovery().staysBrokenFor(RecoveryProbe.activeNode(), Duration.ofSeconds(30));
            }
            RealClusters.settle(env);
            assertThat(env.snapshot().active()).isPresent();
        }
    }
}
