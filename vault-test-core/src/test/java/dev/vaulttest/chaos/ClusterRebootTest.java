package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.NodeRole;
import dev.vaulttest.testkit.SealKind;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class ClusterRebootTest {

    private static final List<String> NODES = List.of("vault-0", "vault-1", "vault-2");

    KubernetesMockServer server;
    KubernetesClient client;
    private ChaosWorld world;

    @AfterEach
    void tearDown() {
        if (world != null) {
            world.close();
        }
    }

    /** What a k3s restart does to the fakes: every Vault process dies, and comes back with a restarted container. */
    private void rebootRestartsVault(boolean containersRestart) {
        world.cluster.onStop(() -> NODES.forEach(world.vault::stop));
        world.cluster.onStart(() -> {
            NODES.forEach(world.vault::start);
            if (containersRestart) {
                for (int i = 0; i < NODES.size(); i++) {
                    Pod pod = client.pods().inNamespace(MockRelease.NAMESPACE).withName(NODES.get(i)).get();
                    world.release.markRunning(pod, MockRelease.IMAGE, 1, i);
                }
            }
        });
    }

    @Test
    void aRebootWithAutoUnsealComesBackUnsealedByItself() {
        world = ChaosWorld.autoUnseal(server, client);
        rebootRestartsVault(true);

        try (Disruption reboot = world.chaos.rebootCluster()) {
            assertThat(world.cluster.calls).containsExactly("stop", "start");
            assertThat(reboot.healedAt()).isPresent();
            assertThat(reboot.verification().observed()).contains("restarts 1");
            reboot.recovery().awaitWithin(RecoveryProbe.allUnsealed(), Duration.ofSeconds(10));
        }
        assertThat(world.env.snapshot().nodesIn(NodeRole.ACTIVE)).hasSize(1);
    }

    @Test
    void aRebootWithShamirStaysSealed() {
        world = ChaosWorld.shamir(server, client);
        rebootRestartsVault(true);

        Disruption reboot = world.chaos.rebootCluster();

        reboot.recovery().staysBrokenFor(RecoveryProbe.allUnsealed(), Duration.ofMillis(500));
        assertThat(world.env.snapshot().nodesIn(NodeRole.SEALED)).hasSize(3);
    }

    @Test
    void containersThatDidNotRestartAreReported() {
        world = ChaosWorld.autoUnseal(server, client);
        rebootRestartsVault(false);
        Chaos impatient = world.chaos(ChaosWorld.fastOptions().faultTimeout(Duration.ofMillis(300)));

        assertThatThrownBy(impatient::rebootCluster).isInstanceOf(FaultNotEffectiveException.class)
                .hasMessageContaining("every Vault pod [vault-0, vault-1, vault-2] restarted by the reboot")
                .hasMessageContaining("restarts 0");
    }

    @Test
    void aClusterThatCannotRestartIsRefused() {
        world = ChaosWorld.with(server, client, SealKind.SHAMIR, "Retain", false, true);

        assertThatThrownBy(() -> world.chaos.rebootCluster()).isInstanceOf(ChaosPreconditionException.class)
                .hasMessageContaining("cannot be stopped and started");
        assertThat(world.cluster.calls).isEmpty();
    }
}
