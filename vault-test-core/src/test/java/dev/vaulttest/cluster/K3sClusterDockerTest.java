package dev.vaulttest.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.base.Versions;
import dev.vaulttest.cluster.K3sCluster.ImagePreloadReport;
import dev.vaulttest.cluster.KubernetesCluster.ClusterFacts;
import dev.vaulttest.internal.Durations;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * Real k3s in Docker: the readiness gate, image preloading, port-forwarding, the existing-cluster
 * provider on the same cluster, and stop/start. Skipped without Docker, also when {@code vaulttest.kubeconfig} is
 * set.
 */
@RequiresDocker("tests the k3s container provider itself (start, image preload from Docker, stop and start)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class K3sClusterDockerTest {

    private K3sCluster cluster;

    private static final URI DOCKER_HUB = URI.create("https://registry-1.docker.io");

    @TempDir
    Path dir;

    @BeforeAll
    void startK3s() {
        long start = System.nanoTime();
        // Docker Hub's own endpoint as the mirror: the file is written and read, and pulls work as without it.
        cluster = K3sCluster.start(K3sClusterSpec.builder().registryMirror("docker.io", DOCKER_HUB).build());
        System.out.println("k3s " + Versions.K3S_IMAGE + " ready in "
                + Durations.format(Duration.ofNanos(System.nanoTime() - start)) + "; " + cluster.imagePreload());
    }

    @AfterAll
    void closeK3s() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void startedClusterPassesTheFullReadinessGate() {
        ClusterReadiness.State state = ClusterReadiness.forK3s().observe(cluster.client());

        assertThat(state.ready()).as(state.describe()).isTrue();
        assertThat(cluster.nodeCount()).isEqualTo(1);
        ClusterFacts facts = cluster.facts();
        assertThat(facts.storageClasses()).contains("local-path");
        assertThat(facts.defaultStorageClass()).contains("local-path");
        assertThat(facts.localPathProvisioning()).isTrue();
        assertThat(cluster.ipAddressOnNetwork()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    }

    @Test
    @Order(2)
    void imagePreloadReportAccountsForEveryRequestedImage() {
        ImagePreloadReport report = cluster.imagePreload();
        List<String> all = new ArrayList<>(report.preloaded());
        all.addAll(report.toBePulled());

        assertThat(all).containsExactlyInAnyOrderElementsOf(K3sClusterSpec.defaults().preloadImages());
        if (new DockerImageStore(DockerClientFactory.instance().client()).has(Versions.VAULT_IMAGE)) {
            assertThat(report.preloaded()).contains(Versions.VAULT_IMAGE);
        } else {
            assertThat(report.toBePulled()).contains(Versions.VAULT_IMAGE);
        }
    }

    @Test
    @Order(2)
    void theRegistryMirrorIsWhereK3sReadsIt() {
        assertThat(cluster.readFile(RegistriesYaml.PATH)).contains("\"docker.io\":")
                .contains("- \"" + DOCKER_HUB + "\"");
    }

    @Test
    @Order(3)
    void portForwardReachesAPodFromTheJvm() throws Exception {
        Pod coreDns = cluster.client().pods().inNamespace("kube-system").withLabel("k8s-app", "kube-dns").list()
                .getItems().get(0);

        try (PortForward forward = cluster.portForward("kube-system", coreDns.getMetadata().getName(), 8080)) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(forward.uri("http") + "/health")).timeout(Duration.ofSeconds(10))
                            .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(forward.isAlive()).isTrue();
        }
    }

    @Test
    @Order(5)
    void existingClusterProviderConnectsThroughThisK3sKubeconfig() throws IOException {
        Path kubeconfig = dir.resolve("k3s.yaml");
        Files.writeString(kubeconfig, cluster.kubeconfigYaml());

        try (ExistingCluster existing = ExistingCluster.connect(ExistingClusterSpec.of(kubeconfig))) {
            assertThat(existing.nodeCount()).isEqualTo(1);
            assertThat(existing.context()).isEqualTo("default");
            assertThat(existing.facts().storageClasses()).contains("local-path");
            assertThat(existing.supportsRestart()).isFalse();
        }
        assertThat(cluster.nodeCount()).as("closing the existing-cluster handle leaves k3s running").isEqualTo(1);
    }

    @Test
    @Order(6)
    void stopAndStartKeepTheClusterStateAndFollowTheNewApiPort() {
        String marker = "restart-marker";
        cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(marker).endMetadata()
                .build()).create();

        long start = System.nanoTime();
        cluster.stop();
        assertThatThrownBy(cluster::client).isInstanceOf(ClusterException.class).hasMessageContaining("stopped");
        cluster.start();
        System.out.println("k3s restart took " + Durations.format(Duration.ofNanos(System.nanoTime() - start)));

        assertThat(ClusterReadiness.forK3s().observe(cluster.client()).ready()).isTrue();
        assertThat(cluster.client().namespaces().withName(marker).get()).as("state survives the restart").isNotNull();
        assertThat(cluster.kubeconfigYaml()).contains(cluster.client().getConfiguration().getMasterUrl()
                .replaceAll("/$", ""));
        cluster.client().namespaces().withName(marker).delete();
    }
}
