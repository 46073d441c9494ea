package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.chaos.ServiceAccountToken.TokenSpec;
import dev.vaulttest.cluster.ExistingClusterSpec;
import dev.vaulttest.cluster.KubernetesCluster;
import dev.vaulttest.fixture.MockCluster;
import dev.vaulttest.kms.KmsProvider;
import dev.vaulttest.kms.SealSpec;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disruptions that need a cluster the library runs, on an existing cluster (the library's own
 * existing-cluster provider, connected by kubeconfig to fabric8's mock): each is refused with its reason, and
 * nothing is changed.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ExistingClusterChaosTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    private KubernetesCluster existing;
    private ChaosWorld world;

    @BeforeEach
    void setUp() throws IOException {
        MockCluster.singleNodeK3s(client); // a Ready node for the cluster's readiness gate
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: existing
                  cluster:
                    server: %s
                contexts:
                - name: existing
                  context:
                    cluster: existing
                    user: tester
                current-context: existing
                users:
                - name: tester
                  user:
                    token: not-a-real-token
                """.formatted(server.url("/").replaceAll("/$", "")));
        existing = ExistingClusterSpec.of(kubeconfig).open();
        world = ChaosWorld.onCluster(server, client, SealSpec.awsKms(KmsProvider.LOCALSTACK), c -> existing);
    }

    @AfterEach
    void tearDown() {
        if (world != null) {
            world.close();
        }
        existing.close();
    }

    private Map<String, String> podUids() {
        return client.pods().inNamespace(world.namespace()).list().getItems().stream()
                .collect(Collectors.toMap(p -> p.getMetadata().getName(), (Pod p) -> p.getMetadata().getUid()));
    }

    @Test
    void aRebootIsRefusedBecauseTheLibraryCannotStopAndStartTheCluster() {
        Map<String, String> before = podUids();

        assertThatThrownBy(() -> world.chaos.rebootCluster()).isInstanceOf(ChaosPreconditionException.class)
                .hasMessage("The cluster " + existing.description() + " cannot be stopped and started by the"
                        + " library (only k3s clusters it runs can); a reboot needs one.");
        assertThat(world.env.cluster()).isSameAs(existing);
        assertThat(podUids()).isEqualTo(before).hasSize(3);
        assertThat(world.measurements).isEmpty();
    }

    @Test
    void aSigningKeyRotationIsRefusedBecauseItNeedsK3sTheLibraryRuns() {
        assertThatThrownBy(() -> world.chaos.serviceAccounts().rotateSigningKey())
                .isInstanceOf(ChaosPreconditionException.class)
                .hasMessage("Rotating the service account signing key needs a k3s cluster the library runs; "
                        + existing.description() + " is not one.");
        assertThat(world.measurements).isEmpty();
    }

    @Test
    void aSigningKeyRotationThroughAShellIsRefusedBecauseTheClusterCannotBeRestarted() {
        ClusterShell untouched = new ClusterShell() {
            @Override
            public Result exec(String... command) {
                throw new AssertionError("the refused rotation ran " + String.join(" ", command));
            }

            @Override
            public void copy(Path hostFile, String directory) {
                throw new AssertionError("the refused rotation copied " + hostFile);
            }
        };

        assertThatThrownBy(() -> SigningKeyRotation.apply(world.env, ChaosWorld.fastOptions().build(), untouched,
                TokenSpec.forAccount(world.namespace(), "default"), true))
                .isInstanceOf(ChaosPreconditionException.class)
                .hasMessage("Rotating the signing key needs a restart of the cluster, and " + existing.description()
                        + " cannot be restarted by the library.");
    }
}
