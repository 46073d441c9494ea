package dev.vaulttest.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.testkit.FakeVaultCluster;
import dev.vaulttest.testkit.RecordedRequest;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.response.LogicalResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The vault-java-driver clients handed to users, configured around the driver's quirks. */
class DriverClientTest {

    private FakeVaultCluster cluster;
    private VaultNodeClient root;

    @BeforeEach
    void start() {
        cluster = FakeVaultCluster.builder().start();
        root = FakeNodes.client(cluster, 0).withToken(Sensitive.of(cluster.bootstrap(1, 1).rootToken()));
        root.enableKvV2("kv");
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private RecordedRequest last() {
        var requests = cluster.node(0).requests();
        return requests.get(requests.size() - 1);
    }

    @Test
    void defaultDriverClientDoesNotRewriteSysPaths() throws Exception {
        Vault driver = root.driverClient();

        LogicalResponse response = driver.logical().read("sys/policies/acl/default");

        assertThat(response.getRestResponse().getStatus()).isEqualTo(200);
        assertThat(last().path()).isEqualTo("sys/policies/acl/default");
        assertThat(last().hadToken()).isTrue();
    }

    @Test
    void kvV2DriverClientInsertsDataAndWrapsTheBody() throws Exception {
        Vault driver = root.driverClient(2);

        driver.logical().write("kv/app", Map.of("user", "app"));

        assertThat(last().path()).isEqualTo("kv/data/app");
        assertThat(last().body()).isEqualTo("{\"data\":{\"user\":\"app\"}}");
        assertThat(root.getSecret("kv", "app")).map(KvSecret::data).contains(Map.of("user", "app"));
    }

    @Test
    void driverReturnsFourHundredsInsteadOfThrowing() throws Exception {
        LogicalResponse missing = root.driverClient(2).logical().read("kv/missing");

        assertThat(missing.getRestResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void onlyEngineVersionsOneAndTwoExist() {
        assertThatThrownBy(() -> root.driverClient(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be 1 or 2");
    }
}
