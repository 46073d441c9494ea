package dev.vaulttest.assertj;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.testkit.FakeVaultCluster;
import dev.vaulttest.testkit.FakeVaultNode;
import dev.vaulttest.testkit.NodeState;
import dev.vaulttest.vault.AutopilotState;
import dev.vaulttest.vault.HealthStatus;
import dev.vaulttest.vault.RaftConfiguration;
import dev.vaulttest.vault.SealStatus;
import dev.vaulttest.vault.Sensitive;
import dev.vaulttest.vault.VaultApiException;
import dev.vaulttest.vault.VaultEndpoint;
import dev.vaulttest.vault.VaultNodeClient;
import dev.vaulttest.vault.VaultTimeouts;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fake Vault cluster (the testkit double) observed the way the library observes a real deployment: every
 * answer is read through the real {@link VaultNodeClient}, and snapshots are built from those answers.
 */
final class VaultDouble implements AutoCloseable {

    static final String NAMESPACE = "vault-test-7f3a";
    static final String RELEASE = "vault";

    private static final VaultTimeouts FAST = VaultTimeouts.defaults()
            .withConnect(Duration.ofSeconds(2))
            .withRequest(Duration.ofSeconds(5))
            .withKubernetesLogin(Duration.ofSeconds(5))
            .withSnapshot(Duration.ofSeconds(10));

    private final FakeVaultCluster cluster;
    private final Sensitive rootToken;
    private final List<String> unsealKeys;
    private final Map<String, Integer> restarts = new HashMap<>();

    private VaultDouble(FakeVaultCluster cluster, Sensitive rootToken, List<String> unsealKeys) {
        this.cluster = cluster;
        this.rootToken = rootToken;
        this.unsealKeys = unsealKeys;
    }

    /** A cluster initialised, joined and unsealed by the double's bootstrap (3 shares, threshold 2). */
    static VaultDouble running(FakeVaultCluster.Builder builder) {
        FakeVaultCluster cluster = builder.start();
        FakeVaultCluster.Bootstrap bootstrap = cluster.bootstrap(3, 2);
        return new VaultDouble(cluster, Sensitive.of(bootstrap.rootToken()), bootstrap.unsealKeysHex());
    }

    /** A cluster that was never initialised. */
    static VaultDouble uninitialised(FakeVaultCluster.Builder builder) {
        return new VaultDouble(builder.start(), Sensitive.of("no-token-yet"), List.of());
    }

    FakeVaultCluster cluster() {
        return cluster;
    }

    Sensitive rootToken() {
        return rootToken;
    }

    /** The Shamir unseal keys from the bootstrap, hex; empty under auto-unseal and in dev mode. */
    List<String> unsealKeys() {
        return unsealKeys;
    }

    /** Restarts a node's process and counts it, like the container restart count of its pod. */
    void restart(String name) {
        restarts.merge(name, 1, Integer::sum);
        cluster.restart(name);
    }

    VaultNodeClient client(String name) {
        FakeVaultNode node = cluster.node(name);
        return VaultNodeClient.create(VaultEndpoint.of(node.name(), node.uri()).withTimeouts(FAST));
    }

    /** The active node's client with the root token. */
    VaultNodeClient leaderClient() {
        return client(cluster.leader().orElseThrow(() -> new AssertionError("the double has no leader")).name())
                .withToken(rootToken);
    }

    NodeSnapshot node(String name) {
        FakeVaultNode node = cluster.node(name);
        NodeState state = node.state();
        int restartCount = restarts.getOrDefault(name, 0);
        Optional<String> phase = state == NodeState.STOPPED ? Optional.empty() : Optional.of("Running");
        Optional<String> uid = phase.map(p -> "uid-" + name);
        VaultNodeClient client = client(name);
        try {
            SealStatus seal = client.sealStatus();
            HealthStatus health = client.health();
            return new NodeSnapshot(name, uid, phase, seal.isUnsealed(), restartCount, Optional.of(seal),
                    Optional.of(health), Optional.empty());
        } catch (VaultApiException e) {
            String reason = state == NodeState.CRASH_LOOPING ? "container exits at start, restarting"
                    : "connection refused";
            return new NodeSnapshot(name, uid, phase, false, restartCount, Optional.empty(), Optional.empty(),
                    Optional.of(reason));
        }
    }

    DeploymentSnapshot snapshot() {
        List<NodeSnapshot> nodes = cluster.nodes().stream().map(n -> node(n.name())).toList();
        Optional<RaftConfiguration> raft = Optional.empty();
        Optional<AutopilotState> autopilot = Optional.empty();
        if (cluster.leader().isPresent() && nodes.stream().noneMatch(n -> n.sealStatus().map(SealStatus::isInMemoryStorage).orElse(false))) {
            VaultNodeClient leader = leaderClient();
            raft = Optional.of(leader.raftConfiguration());
            autopilot = leader.autopilotState();
        }
        return new DeploymentSnapshot(NAMESPACE, RELEASE, Instant.parse("2026-08-01T10:00:00Z"), cluster.nodes().size(),
                nodes, raft, autopilot);
    }

    @Override
    public void close() {
        cluster.close();
    }
}
