package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class StatefulSetScaleTest {

    KubernetesMockServer server;
    KubernetesClient client;
    private ChaosWorld world;

    @AfterEach
    void tearDown() {
        if (world != null) {
            world.close();
        }
    }

    private List<String> pods() {
        return client.pods().inNamespace(world.namespace()).list().getItems().stream()
                .map(Pod::getMetadata).map(m -> m.getName()).sorted().toList();
    }

    private int replicas() {
        return client.apps().statefulSets().inNamespace(world.namespace()).withName(world.statefulSet()).get()
                .getSpec().getReplicas();
    }

    @Test
    void scalingDownWaitsForThePodsToGoAndClosingScalesBack() {
        world = ChaosWorld.shamir(server, client);

        Disruption scale = world.chaos.scaleStatefulSet(1);

        assertThat(scale.kind()).isEqualTo("scale-statefulset");
        assertThat(scale.target()).isEqualTo("statefulset/" + world.statefulSet() + " to 1");
        assertThat(replicas()).isEqualTo(1);
        assertThat(pods()).containsExactly(world.pod(0));
        assertThat(scale.verification().observed()).isEqualTo("pods [" + world.pod(0) + "]");

        scale.close();

        assertThat(replicas()).isEqualTo(3);
        assertThat(pods()).containsExactlyElementsOf(world.pods());
        assertThat(scale.healedAt()).isPresent();
        scale.close();
        assertThat(replicas()).isEqualTo(3);
    }

    @Test
    void scalingDownReturnsOnlyOnceTheRemovedPodsAreDeletedNotWhileTheyTerminate() {
        world = ChaosWorld.shamir(server, client);
        // A terminating Vault still answers until its grace period ends (seen on the lab: 10 s for the chart's pods).
        world.controllers.scaleDownGrace = Duration.ofMillis(600);

        world.chaos.scaleStatefulSet(1);

        assertThat(pods()).containsExactly(world.pod(0));
    }

    @Test
    void podsThatDoNotComeAreReportedAndTheScaleIsUndone() {
        world = ChaosWorld.shamir(server, client);
        world.chaos.scaleStatefulSet(1);
        world.controllers.recreatePods = false;
        Chaos impatient = world.chaos(ChaosWorld.fastOptions().faultTimeout(Duration.ofSeconds(1)));

        assertThatThrownBy(() -> impatient.scaleStatefulSet(2))
                .isInstanceOf(FaultNotEffectiveException.class)
                .hasMessageContaining("expected exactly pods [" + world.pod(0) + ", " + world.pod(1) + "]")
                .hasMessageContaining("saw pods [" + world.pod(0) + "]");
        assertThat(replicas()).isEqualTo(1);
    }

    @Test
    void scalingToTheCurrentCountIsRefused() {
        world = ChaosWorld.shamir(server, client);

        assertThatThrownBy(() -> world.chaos.scaleStatefulSet(3)).isInstanceOf(ChaosPreconditionException.class)
                .hasMessageContaining("already has 3 replicas");
    }
}
