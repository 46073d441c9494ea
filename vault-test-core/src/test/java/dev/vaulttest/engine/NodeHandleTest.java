package dev.vaulttest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.NodeRole;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.testkit.FakeVaultCluster;
import dev.vaulttest.vault.VaultTimeouts;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A node keeps one connection while it works and its pod stays the same, and opens a new one otherwise. */
@EnableKubernetesMockClient(crud = true, https = false)
class NodeHandleTest {

    private static final String NAMESPACE = "vault-test-x";

    KubernetesClient client;

    private FakeVaultCluster vault;
    private final List<TestConnection> opened = new ArrayList<>();
    private NodeHandle node;

    /** A connection whose liveness the test controls. */
    private static final class TestConnection implements NodeConnection {
        private final URI uri;
        boolean alive = true;
        boolean closed;

        TestConnection(URI uri) {
            this.uri = uri;
        }

        @Override
        public URI uri(String scheme) {
            return uri;
        }

        @Override
        public boolean isAlive() {
            return alive && !closed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @BeforeEach
    void setUp() {
        vault = FakeVaultCluster.builder().namePrefix("vault-x-").start();
        NodeConnector connector = (namespace, pod, port) -> {
            TestConnection connection = new TestConnection(vault.node(pod).uri());
            opened.add(connection);
            return connection;
        };
        node = new NodeHandle("vault-x-0", NAMESPACE, "http", Optional.empty(), VaultTimeouts.defaults(), connector,
                () -> client, Optional::empty);
        createPod("Running");
    }

    @AfterEach
    void tearDown() {
        node.close();
        vault.close();
    }

    private void createPod(String phase) {
        client.pods().inNamespace(NAMESPACE).resource(new PodBuilder().withNewMetadata().withName("vault-x-0")
                .withNamespace(NAMESPACE).endMetadata().build()).create();
        client.pods().inNamespace(NAMESPACE).withName("vault-x-0").editStatus(p -> new PodBuilder(p)
                .withNewStatus().withPhase(phase).endStatus().build());
    }

    @Test
    void keepsOneConnectionWhileItWorks() {
        node.anonymousClient().sealStatus();
        node.anonymousClient().sealStatus();

        assertThat(opened).hasSize(1);
    }

    @Test
    void replacesADeadConnection() {
        node.anonymousClient().sealStatus();
        opened.get(0).alive = false;

        node.anonymousClient().sealStatus();

        assertThat(opened).hasSize(2);
        assertThat(opened.get(0).closed).isTrue();
    }

    @Test
    void reconnectsWhenThePodWasRecreated() {
        node.anonymousClient().sealStatus();
        client.pods().inNamespace(NAMESPACE).withName("vault-x-0").delete();
        createPod("Running");

        node.anonymousClient().sealStatus();

        assertThat(opened).hasSize(2);
    }

    @Test
    void aPendingPodIsReportedWithoutConnecting() {
        client.pods().inNamespace(NAMESPACE).withName("vault-x-0").delete();
        createPod("Pending");

        NodeSnapshot snapshot = node.snapshot();

        assertThat(opened).isEmpty();
        assertThat(snapshot.role()).isEqualTo(NodeRole.UNREACHABLE);
        assertThat(snapshot.unreachableReason()).hasValueSatisfying(r -> assertThat(r).contains("Pending"));
    }

    @Test
    void anAuthenticatedClientBeforeInitSaysThereIsNoRootTokenYet() {
        assertThatThrownBy(node::client).isInstanceOf(VaultTestException.class)
                .hasMessageContaining("no root token yet");
    }
}
