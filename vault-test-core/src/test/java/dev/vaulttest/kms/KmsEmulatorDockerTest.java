package dev.vaulttest.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.Network.Ipam.Config;
import dev.vaulttest.cluster.RequiresDocker;
import dev.vaulttest.kms.KmsEmulator.KmsEmulatorSpec;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Network;

/**
 * Real emulators in Docker: start on a shared network, create the alias Vault's seal names, survive an outage
 * with their keys, disable and enable the key. Skipped without Docker, also when {@code vaulttest.kubeconfig} is
 * set ({@code ExternalKmsTest} and {@code ExternalKmsRealVaultTest} cover an emulator that runs already).
 */
@RequiresDocker("starts the KMS emulator containers on a Docker network of its own, which no existing cluster"
        + " replaces")
class KmsEmulatorDockerTest {

    @ParameterizedTest
    @EnumSource(value = KmsProvider.class, names = {"LOCALSTACK", "LOCAL_KMS"})
    void emulatorCreatesTheAliasSurvivesAnOutageAndDisablesTheKey(KmsProvider provider) throws Exception {
        try (Network network = Network.newNetwork();
                KmsEmulator kms = KmsEmulators.start(KmsEmulatorSpec.of(provider, "eu-west-1"), network)) {
            assertThat(kms.provider()).isEqualTo(provider);
            assertThat(kms.region()).isEqualTo("eu-west-1");
            assertPodEndpointIsOnTheSharedNetwork(kms.endpointForPods(), network);

            String keyId = kms.createKeyWithAlias("alias/vault-unseal");
            assertThat(kms.createKeyWithAlias("alias/vault-unseal")).as("idempotent").isEqualTo(keyId);
            assertThat(kms.keyState("alias/vault-unseal")).isEqualTo("Enabled");

            kms.makeUnreachable();
            assertThat(kms.isReachable()).isFalse();
            assertThatThrownBy(() -> rawCall(kms.endpointForHost(), Duration.ofSeconds(2)))
                    .isInstanceOf(HttpTimeoutException.class);
            assertThatThrownBy(() -> kms.keyState(keyId)).isInstanceOf(KmsException.class)
                    .hasMessageContaining("makeReachable()");
            kms.makeReachable();
            assertThat(kms.createKeyWithAlias("alias/vault-unseal")).as("keys survive the outage").isEqualTo(keyId);

            assertThat(kms.supportsKeyDisable()).isTrue();
            kms.disableKey(keyId);
            assertThat(kms.keyState(keyId)).isEqualTo("Disabled");
            kms.enableKey(keyId);
            assertThat(kms.keyState(keyId)).isEqualTo("Enabled");
        }
    }

    private static void assertPodEndpointIsOnTheSharedNetwork(URI endpoint, Network network) throws Exception {
        assertThat(endpoint.getScheme()).isEqualTo("http");
        List<Config> subnets = DockerClientFactory.instance().client().inspectNetworkCmd()
                .withNetworkId(network.getId()).exec().getIpam().getConfig();
        byte[] ip = InetAddress.getByName(endpoint.getHost()).getAddress();
        assertThat(subnets).anySatisfy(subnet -> assertThat(inSubnet(ip, subnet.getSubnet())).isTrue());
    }

    private static boolean inSubnet(byte[] ip, String cidr) {
        try {
            String[] parts = cidr.split("/");
            byte[] net = InetAddress.getByName(parts[0]).getAddress();
            int bits = Integer.parseInt(parts[1]);
            if (net.length != ip.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((net[i / 8] & mask) != (ip[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void rawCall(URI endpoint, Duration timeout) throws Exception {
        HttpClient.newBuilder().connectTimeout(timeout).build().send(HttpRequest.newBuilder(endpoint.resolve("/"))
                .timeout(timeout).header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "TrentService.ListKeys").POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
