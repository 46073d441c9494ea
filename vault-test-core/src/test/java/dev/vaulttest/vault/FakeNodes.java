package dev.vaulttest.vault;

import dev.vaulttest.testkit.FakeVaultCluster;
import dev.vaulttest.testkit.FakeVaultNode;
import java.time.Duration;
import java.util.List;

/** Clients for the nodes of a fake cluster, with short timeouts so failing tests fail fast. */
final class FakeNodes {

    static final VaultTimeouts FAST = VaultTimeouts.defaults()
            .withConnect(Duration.ofSeconds(2))
            .withRequest(Duration.ofSeconds(5))
            .withKubernetesLogin(Duration.ofSeconds(5))
            .withSnapshot(Duration.ofSeconds(10));

    private FakeNodes() {
    }

    static VaultNodeClient client(FakeVaultNode node) {
        return VaultNodeClient.create(VaultEndpoint.of(node.name(), node.uri()).withTimeouts(FAST));
    }

    static VaultNodeClient client(FakeVaultCluster cluster, int index) {
        return client(cluster.node(index));
    }

    static VaultNodeClient leader(FakeVaultCluster cluster, Sensitive token) {
        return client(cluster.leader().orElseThrow(() -> new AssertionError("the fake cluster has no leader")))
                .withToken(token);
    }

    static List<Sensitive> keys(List<String> hex) {
        return hex.stream().map(Sensitive::of).toList();
    }
}
