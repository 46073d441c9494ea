package dev.vaulttest.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.base.WaitTimeoutException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class ClusterReadinessTest {

    KubernetesClient client;

    private final ClusterReadiness k3sGate = ClusterReadiness.forK3s().every(Duration.ofMillis(50));

    @Test
    void healthyK3sPassesTheGate() {
        new KubeFixtures(client).healthyK3s();

        ClusterReadiness.State state = k3sGate.await(client, "k3s", Duration.ofSeconds(5));

        assertThat(state.ready()).isTrue();
        assertThat(state.describe()).contains("1 node(s) Ready", "default ServiceAccount present",
                "CoreDNS (k8s-app=kube-dns): 1/1 Ready", "local-path provisioner (app=local-path-provisioner): 1/1 Ready");
    }

    @Test
    void timeoutNamesTheComponentThatIsNotReadyAndItsPodState() {
        KubeFixtures fixtures = new KubeFixtures(client);
        fixtures.node("k3s-node", true, Map.of());
        fixtures.defaultServiceAccount();
        fixtures.systemPod("coredns-1", "k8s-app", "kube-dns", false);
        fixtures.systemPod("local-path-provisioner-1", "app", "local-path-provisioner", true);

        assertThatThrownBy(() -> k3sGate.await(client, "k3s test", Duration.ofMillis(300)))
                .isInstanceOf(WaitTimeoutException.class)
                .hasMessageContaining("k3s test ready to run Vault")
                .hasMessageContaining("CoreDNS (k8s-app=kube-dns): 0/1 Ready [coredns-1 Pending (main ContainerCreating)]");
    }

    @Test
    void missingDefaultServiceAccountAndMissingPodsKeepTheGateClosed() {
        new KubeFixtures(client).node("k3s-node", true, Map.of());

        ClusterReadiness.State state = k3sGate.observe(client);

        assertThat(state.ready()).isFalse();
        assertThat(state.describe()).contains("default ServiceAccount missing", "CoreDNS (k8s-app=kube-dns): no pods yet");
    }

    @Test
    void notReadyNodeKeepsTheGateClosed() {
        KubeFixtures fixtures = new KubeFixtures(client);
        fixtures.healthyK3s();
        fixtures.node("agent-1", false, Map.of());

        ClusterReadiness.State state = k3sGate.observe(client);

        assertThat(state.ready()).isFalse();
        assertThat(state.describe()).contains("nodes not Ready: agent-1 of 2");
    }

    @Test
    void gateOpensWhenTheLastComponentBecomesReadyDuringTheWait() throws Exception {
        KubeFixtures fixtures = new KubeFixtures(client);
        fixtures.node("k3s-node", true, Map.of());
        fixtures.defaultServiceAccount();
        fixtures.systemPod("coredns-1", "k8s-app", "kube-dns", true);
        fixtures.systemPod("local-path-provisioner-1", "app", "local-path-provisioner", false);

        CompletableFuture<ClusterReadiness.State> waiting =
                CompletableFuture.supplyAsync(() -> k3sGate.await(client, "k3s", Duration.ofSeconds(10)));
        assertThat(waiting).isNotDone();
        fixtures.setPodReady("kube-system", "local-path-provisioner-1", true);

        assertThat(waiting.get(10, TimeUnit.SECONDS).ready()).isTrue();
    }

    @Test
    void afterARestartPodStatusesFromBeforeTheRestartDoNotCount() {
        KubeFixtures fixtures = new KubeFixtures(client);
        fixtures.healthyK3s();
        Instant stoppedAt = Instant.now();
        ClusterReadiness restarted = ClusterReadiness.forK3s().restartedAfter(stoppedAt);

        ClusterReadiness.State stale = restarted.observe(client);
        fixtures.setPodReady("kube-system", "coredns-1", true, stoppedAt.plusSeconds(5));
        fixtures.setPodReady("kube-system", "local-path-provisioner-1", true, stoppedAt.plusSeconds(6));
        ClusterReadiness.State fresh = restarted.observe(client);

        assertThat(stale.ready()).isFalse();
        assertThat(stale.describe()).contains("coredns-1 Running (status from before the restart)");
        assertThat(fresh.ready()).as(fresh.describe()).isTrue();
    }

    @Test
    void existingClusterGateChecksNodesOnly() {
        new KubeFixtures(client).node("kind-control-plane", true, Map.of());

        ClusterReadiness.State state = ClusterReadiness.forExistingCluster().observe(client);

        assertThat(state.ready()).isTrue();
        assertThat(state.describe()).contains("1 node(s) Ready", "system pods not checked");
    }
}
