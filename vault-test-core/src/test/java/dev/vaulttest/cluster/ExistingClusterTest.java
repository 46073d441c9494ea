package dev.vaulttest.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.base.WaitTimeoutException;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true, https = false)
class ExistingClusterTest {

    KubernetesClient client;
    KubernetesMockServer server;

    @TempDir
    Path dir;

    @Test
    void leftoversAreRemovedAfterAnHourByDefaultAndNeverSoonerThanThreeHeartbeats() {
        ExistingClusterSpec spec = ExistingClusterSpec.of(dir.resolve("kubeconfig"));

        assertThat(spec.reapAfter()).contains(Duration.ofHours(1));
        assertThat(spec.withReapAfter(Duration.ofMinutes(3)).withContext("kind").reapAfter())
                .contains(Duration.ofMinutes(3));
        assertThat(spec.withoutReaping().withReadyTimeout(Duration.ofMinutes(2)).reapAfter()).isEmpty();
        assertThatThrownBy(() -> spec.withReapAfter(Duration.ofSeconds(179)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("reapAfter must be at least PT3M");
    }

    @Test
    void connectsThroughTheChosenContextAndPassesTheGateWhenNodesAreReady() throws IOException {
        new KubeFixtures(client).node("kind-control-plane", true, Map.of());
        Path kubeconfig = writeKubeconfig("unreachable");

        try (ExistingCluster cluster = ExistingCluster.connect(ExistingClusterSpec.of(kubeconfig).withContext("mock"))) {
            assertThat(cluster.context()).isEqualTo("mock");
            assertThat(cluster.nodeCount()).isEqualTo(1);
            assertThat(cluster.kubeconfigYaml()).contains("current-context: \"mock\"");
            assertThat(cluster.supportsRestart()).isFalse();
            assertThat(cluster.facts().localPathProvisioning()).isFalse();
            assertThatThrownBy(cluster::stop).isInstanceOf(ClusterException.class)
                    .hasMessageContaining("supportsRestart()");
        }
    }

    @Test
    void mayCreateLocalPathStorageClassesOnlyWhereEveryClassIsLocalPath() throws IOException {
        new KubeFixtures(client).node("lab", true, Map.of());
        storageClass("local-path", "rancher.io/local-path");

        try (ExistingCluster cluster = ExistingCluster.connect(ExistingClusterSpec.of(writeKubeconfig("mock")))) {
            assertThat(cluster.facts().localPathProvisioning()).isTrue();

            storageClass("gp3", "ebs.csi.aws.com");

            assertThat(cluster.facts().localPathProvisioning()).isFalse();
        }
    }

    @Test
    void usesTheCurrentContextByDefault() throws IOException {
        new KubeFixtures(client).node("kind-control-plane", true, Map.of());

        try (ExistingCluster cluster = ExistingCluster.connect(ExistingClusterSpec.of(writeKubeconfig("mock")))) {
            assertThat(cluster.context()).isEqualTo("mock");
            assertThat(cluster.description()).contains("context mock");
        }
    }

    @Test
    void unknownContextIsReportedWithTheAvailableOnes() throws IOException {
        Path kubeconfig = writeKubeconfig("mock");

        assertThatThrownBy(() -> ExistingCluster.connect(ExistingClusterSpec.of(kubeconfig).withContext("prod")))
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("no context 'prod'")
                .hasMessageContaining("[mock, unreachable]");
    }

    @Test
    void missingKubeconfigSaysWhereToLook() {
        assertThatThrownBy(() -> ExistingCluster.connect(ExistingClusterSpec.of(dir.resolve("nope.yaml"))))
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("nope.yaml does not exist");
    }

    @Test
    void notReadyNodeTimesOutWithTheNodeName() throws IOException {
        new KubeFixtures(client).node("kind-worker", false, Map.of());
        ExistingClusterSpec spec = ExistingClusterSpec.of(writeKubeconfig("mock")).withReadyTimeout(Duration.ofMillis(200));

        assertThatThrownBy(() -> ExistingCluster.connect(spec))
                .isInstanceOf(WaitTimeoutException.class)
                .hasMessageContaining("nodes not Ready: kind-worker of 1");
    }

    @Test
    void closeIsIdempotentAndBlocksFurtherUse() throws IOException {
        new KubeFixtures(client).node("kind-control-plane", true, Map.of());
        ExistingCluster cluster = ExistingCluster.connect(ExistingClusterSpec.of(writeKubeconfig("mock")));

        cluster.close();
        cluster.close();

        assertThatThrownBy(cluster::client).isInstanceOf(ClusterException.class).hasMessageContaining("closed");
    }

    private Path writeKubeconfig(String currentContext) throws IOException {
        String yaml = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster:
                    server: %s
                - name: unreachable
                  cluster:
                    server: http://127.0.0.1:1
                contexts:
                - name: mock
                  context:
                    cluster: mock
                    user: tester
                - name: unreachable
                  context:
                    cluster: unreachable
                    user: tester
                current-context: %s
                users:
                - name: tester
                  user:
                    token: not-a-real-token
                """.formatted(server.url("/").replaceAll("/$", ""), currentContext);
        Path file = dir.resolve("kubeconfig.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private void storageClass(String name, String provisioner) {
        client.storage().v1().storageClasses().resource(new StorageClassBuilder()
                .withNewMetadata().withName(name).endMetadata().withProvisioner(provisioner).build()).create();
    }
}
