package dev.vaulttest.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The mock server cannot carry port-forward traffic (it resets the stream), so these tests check the plumbing:
 * the local port, the URI, the pod check and the release of the port. Real forwarding is proven by
 * {@code K3sClusterDockerTest}.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class PortForwardTest {

    KubernetesClient client;

    @Test
    void refusesToForwardToAPodThatDoesNotExist() {
        assertThatThrownBy(() -> PortForward.open(client, "vault-test-x", "vault-0", 8200))
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("vault-test-x/vault-0:8200")
                .hasMessageContaining("does not exist");
    }

    @Test
    void bindsAnEphemeralLoopbackPortAndReleasesItAtClose() {
        client.pods().inNamespace("vault-test-x").resource(new PodBuilder().withNewMetadata().withName("vault-0")
                .withNamespace("vault-test-x").endMetadata().build()).create();

        PortForward forward = PortForward.open(client, "vault-test-x", "vault-0", 8200);
        int port = forward.localPort();

        assertThat(port).isPositive();
        assertThat(forward.target()).isEqualTo("vault-test-x/vault-0:8200");
        assertThat(forward.uri("https").toString()).isEqualTo("https://127.0.0.1:" + port);
        assertThat(forward.isAlive()).isTrue();
        assertThat(forward.toString()).contains("127.0.0.1:" + port + " -> vault-test-x/vault-0:8200");

        forward.close();
        forward.close();

        assertThat(forward.isAlive()).isFalse();
        // fabric8 releases the listening socket on its own event loop, shortly after close() returns.
        await("port " + port + " released").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (ServerSocket rebound = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(rebound.getLocalPort()).isEqualTo(port);
            }
        });
    }
}
