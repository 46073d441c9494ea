package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.NodeRole;
import dev.vaulttest.kms.SealSpec;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class ClusterRebootTest {

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
        world.cluster.onStop(() -> world.pods().forEach(world.vault::stop));
        world.cluster.onStart(() -> {
            world.pods().forEach(world.vault::start);
            if (containersRestart) {
                for (String name : world.pods()) {
                    Pod pod = client.pods().inNamespace(world.namespace()).withName(name).get();
                    world.extras.markRunning(pod, 1);
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
                .hasMessageContaining("every Vault pod " + world.pods() + " restarted by the reboot")
                .hasMessageContaining("restarts 0");
    }

    @Test
    void aClusterThatCannotRestartIsRefused() {
        world = ChaosWorld.with(server, client, SealSpec.defaults(), "Retain", false);

        assertThatThrownBy(() -> world.chaos.rebootCluster()).isInstanceOf(ChaosPreconditionException.class)
                .hasMessageContaining("cannot be stopped and started");
        assertThat(world.cluster.calls).isEmpty();
    }
}
