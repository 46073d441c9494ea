package dev.vaulttest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.cluster.ClusterException;
import dev.vaulttest.cluster.RequiresDocker;
import dev.vaulttest.report.PhaseTimeline;
import org.junit.jupiter.api.Test;

/**
 * The default spec end to end on a cluster of its own: k3s started by the environment, the official chart, HA
 * raft on 3 nodes, Shamir 3-of-2; closing the environment removes the cluster. Skipped without Docker.
 */
@RequiresDocker
class OwnedClusterEnvironmentDockerTest {

    @Test
    void theDefaultSpecBringsUpHaRaftWithShamirOnItsOwnK3s() {
        VaultEnvironment env = VaultEnvironment.start(VaultEnvironmentSpec.builder().build());
        try (env) {
            ReadyGateChecks.assertReady(env, 3, true);
            assertThat(env.unsealKeys()).hasSize(3);
            assertThat(env.timeline().find(PhaseTimeline.CLUSTER)).isPresent();
            assertThat(env.timeline().find(PhaseTimeline.JOIN)).isPresent();
            ReadyGateChecks.printTimeline("ha-raft-shamir-owned-k3s", env);
        }
        assertThatThrownBy(() -> env.cluster().client()).isInstanceOf(ClusterException.class);
    }
}
