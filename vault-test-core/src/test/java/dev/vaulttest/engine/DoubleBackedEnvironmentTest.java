package dev.vaulttest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeRole;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.timing.Phase;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class DoubleBackedEnvironmentTest {

    KubernetesClient client;

    @Test
    void bringsUpAThreeNodeRaftClusterWithShamirThroughTheRealBringUp() {
        try (DoubleBackedEnvironment fixture = DoubleBackedEnvironment.start(client,
                DoubleBackedEnvironment.spec().build())) {
            VaultEnvironment env = fixture.environment();
            DeploymentSnapshot snapshot = env.snapshot();

            assertThat(snapshot.nodes()).hasSize(3).allMatch(n -> n.isUnsealed());
            assertThat(snapshot.nodesIn(NodeRole.ACTIVE)).hasSize(1);
            assertThat(snapshot.raft()).hasValueSatisfying(raft -> assertThat(raft.voters()).hasSize(3));
            assertThat(env.unsealKeys()).hasSize(3);
            assertThat(env.timeline().phases()).extracting(p -> p.phase()).containsExactly(Phase.INSTALL,
                    Phase.PODS_RUNNING, Phase.INIT, Phase.UNSEAL, Phase.JOIN,
                    Phase.READY);
        }
    }
}
