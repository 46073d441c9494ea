package dev.vaulttest.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.testkit.FakeVaultCluster;
import dev.vaulttest.vault.HealthStatus.HealthState;
import io.github.jopenlibs.vault.Vault;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTPS with a given CA bundle, for raw HTTP and for the driver (including its own-HttpClient parts). */
class VaultNodeClientTlsTest {

    private static TestCertificates certificates;
    private static FakeVaultCluster cluster;
    private static Sensitive root;

    @BeforeAll
    static void start() throws Exception {
        certificates = TestCertificates.selfSigned("vault-test");
        cluster = FakeVaultCluster.builder().tls(certificates.serverContext()).start();
        root = Sensitive.of(cluster.bootstrap(1, 1).rootToken());
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static VaultEndpoint endpoint() {
        return VaultEndpoint.of("vault-0", cluster.node(0).uri()).withTimeouts(FakeNodes.FAST);
    }

    @Test
    void clientTrustingTheCaBundleTalksHttps() {
        VaultNodeClient client = VaultNodeClient.create(endpoint().withCaBundle(certificates.pem())).withToken(root);

        assertThat(cluster.node(0).uri().getScheme()).isEqualTo("https");
        assertThat(client.health().state()).isEqualTo(HealthState.ACTIVE);
        client.enableKvV2("kv");
        client.putSecret("kv", "app", Map.of("k", "v"));
        assertThat(client.getSecret("kv", "app")).map(KvSecret::data).contains(Map.of("k", "v"));
    }

    @Test
    void driverClientTrustsTheCaBundleEvenWhereItIgnoresTheHttpClient() throws Exception {
        Vault driver = VaultNodeClient.create(endpoint().withCaBundle(certificates.pem())).withToken(root)
                .driverClient();

        assertThat(driver.sys().mounts().list().getRestResponse().getStatus()).isEqualTo(200);
        assertThat(driver.logical().read("sys/policies/acl/default").getRestResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void clientWithoutTheCaFailsTheHandshakeWithAHint() {
        VaultNodeClient client = VaultNodeClient.create(endpoint());

        assertThatThrownBy(client::sealStatus)
                .isInstanceOfSatisfying(VaultApiException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(VaultApiException.NO_HTTP_STATUS))
                .hasMessageContaining("TLS handshake");
    }

    @Test
    void bundleWithoutCertificatesIsRejected() {
        assertThatThrownBy(() -> VaultNodeClient.create(endpoint().withCaBundle("not a pem")))
                .isInstanceOf(VaultTestException.class).hasMessageContaining("could not be read as PEM");
    }
}
