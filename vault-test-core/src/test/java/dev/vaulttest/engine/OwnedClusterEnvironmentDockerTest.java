package dev.vaulttest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.cluster.ClusterException;
import dev.vaulttest.cluster.RequiresDocker;
import dev.vaulttest.timing.Phase;
import org.junit.jupiter.api.Test;

/**
 * The default spec end to end on a cluster of its own: k3s started by the environment, the official chart, HA
 * raft on 3 nodes, Shamir 3-of-2; closing the environment removes the cluster. Stays on k3s also when
 * {@code vaulttest.kubeconfig} is set; skipped without Docker.
 */
@RequiresDocker("needs a k3s container the library runs: the environment starts a cluster of its own and removes"
        + " it at close, which an existing cluster cannot show")
class OwnedClusterEnvironmentDockerTest {

    @Test
    void theDefaultSpecBringsUpHaRaftWithShamirOnItsOwnK3s() {
        VaultEnvironment env = VaultEnvironment.start(VaultEnvironmentSpec.builder().build());
        try (env) {
            ReadyGateChecks.assertReady(env, 3, true);
            assertThat(env.unsealKeys()).hasSize(3);
            assertThat(env.timeline().find(Phase.CLUSTER)).isPresent();
            assertThat(env.timeline().find(Phase.JOIN)).isPresent();
            ReadyGateChecks.printTimeline("ha-raft-shamir-owned-k3s", env);
        }
        assertThatThrownBy(() -> env.cluster().client()).isInstanceOf(ClusterException.class);
    }
}
