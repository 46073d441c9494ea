package dev.vaulttest.chaos;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.EnvironmentTimeouts;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.VaultNode;
import dev.vaulttest.VaultTestException;
import dev.vaulttest.chart.Adjustment;
import dev.vaulttest.chart.EffectiveValues;
import dev.vaulttest.cluster.KubernetesCluster;
import dev.vaulttest.internal.Wait;
import dev.vaulttest.kms.KmsEmulator;
import dev.vaulttest.report.PhaseTimeline;
import dev.vaulttest.testkit.FakeVaultCluster;
import dev.vaulttest.testkit.FakeVaultNode;
import dev.vaulttest.vault.HealthStatus;
import dev.vaulttest.vault.SealStatus;
import dev.vaulttest.vault.Sensitive;
import dev.vaulttest.vault.VaultEndpoint;
import dev.vaulttest.vault.VaultNodeClient;
import dev.vaulttest.vault.VaultTimeouts;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@link VaultEnvironment} for chaos tests without Docker: Kubernetes is fabric8's mock server in CRUD mode
 * (seeded by {@link MockRelease}), Vault is the testkit's stateful double. Pods and Vault nodes share names.
 * To be replaced by the shared test fixture once it exists.
 */
final class ChaosTestEnvironment implements VaultEnvironment {

    static final VaultTimeouts FAST = VaultTimeouts.defaults().withConnect(Duration.ofSeconds(2))
            .withRequest(Duration.ofSeconds(5)).withKubernetesLogin(Duration.ofSeconds(5))
            .withSnapshot(Duration.ofSeconds(10));

    private final KubernetesClient client;
    private final FakeVaultCluster vault;
    private final FakeCluster cluster;
    private final Optional<KmsEmulator> kms;
    private final Sensitive rootToken;
    private final List<Sensitive> unsealKeys;
    private final VaultEnvironmentSpec spec;

    ChaosTestEnvironment(KubernetesClient client, FakeVaultCluster vault, FakeCluster cluster,
            Optional<KmsEmulator> kms, FakeVaultCluster.Bootstrap keys) {
        this.client = client;
        this.vault = vault;
        this.cluster = cluster;
        this.kms = kms;
        this.rootToken = Sensitive.of(keys.rootToken());
        this.unsealKeys = keys.unsealKeysHex().stream().map(Sensitive::of).toList();
        this.spec = VaultEnvironmentSpec.builder().replicas(vault.nodes().size()).namespace(MockRelease.NAMESPACE)
                .timeouts(new EnvironmentTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10),
                        Duration.ofSeconds(10), Duration.ofMillis(50)))
                .build();
    }

    FakeVaultCluster vault() {
        return vault;
    }

    FakeCluster fakeCluster() {
        return cluster;
    }

    @Override
    public VaultEnvironmentSpec spec() {
        return spec;
    }

    @Override
    public String namespace() {
        return MockRelease.NAMESPACE;
    }

    @Override
    public String releaseName() {
        return MockRelease.RELEASE;
    }

    @Override
    public KubernetesCluster cluster() {
        return cluster;
    }

    @Override
    public KubernetesClient kubernetes() {
        return client;
    }

    @Override
    public List<VaultNode> nodes() {
        return vault.nodes().stream().map(n -> (VaultNode) new Node(n)).toList();
    }

    @Override
    public VaultNode node(String name) {
        return nodes().stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No node " + name));
    }

    @Override
    public VaultNode active() {
        DeploymentSnapshot snapshot = snapshot();
        return node(snapshot.active().orElseThrow(() -> new VaultTestException("no active node:\n"
                + snapshot.describe())).name());
    }

    @Override
    public List<VaultNode> standbys() {
        return snapshot().nodesIn(dev.vaulttest.NodeRole.STANDBY).stream().map(n -> node(n.name())).toList();
    }

    @Override
    public VaultNodeClient client() {
        return active().client();
    }

    @Override
    public io.github.jopenlibs.vault.Vault driverClient() {
        return client().driverClient();
    }

    @Override
    public Optional<KmsEmulator> kms() {
        return kms;
    }

    @Override
    public Sensitive rootToken() {
        return rootToken;
    }

    @Override
    public List<Sensitive> unsealKeys() {
        return unsealKeys;
    }

    @Override
    public DeploymentSnapshot unsealAll(Duration timeout) {
        return Wait.until("all nodes unsealed", timeout, Duration.ofMillis(50), () -> {
            for (VaultNode node : nodes()) {
                try {
                    if (node.anonymousClient().sealStatus().sealed() && !unsealKeys.isEmpty()) {
                        node.anonymousClient().unseal(unsealKeys);
                    }
                } catch (RuntimeException unreachable) {
                    // a restarting node: try again on the next round
                }
            }
            return snapshot();
        }, s -> s.nodes().stream().allMatch(NodeSnapshot::isUnsealed), DeploymentSnapshot::describe);
    }

    @Override
    public EffectiveValues effectiveValues() {
        throw new UnsupportedOperationException("not modelled by the chaos test environment");
    }

    @Override
    public List<Adjustment> adjustments() {
        return List.of();
    }

    @Override
    public PhaseTimeline timeline() {
        throw new UnsupportedOperationException("not modelled by the chaos test environment");
    }

    @Override
    public DeploymentSnapshot snapshot() {
        List<NodeSnapshot> nodes = nodes().stream().map(VaultNode::snapshot).toList();
        return new DeploymentSnapshot(namespace(), releaseName(), Instant.now(), vault.nodes().size(), nodes,
                Optional.empty(), Optional.empty());
    }

    @Override
    public DeploymentSnapshot awaitReady(Duration timeout) {
        return Wait.until("ready gate", timeout, Duration.ofMillis(50), this::snapshot,
                s -> s.active().isPresent() && s.nodes().stream().allMatch(NodeSnapshot::isUnsealed),
                DeploymentSnapshot::describe);
    }

    @Override
    public void close() {
        kms.ifPresent(KmsEmulator::close);
    }

    /** One fake node as a pod. */
    private final class Node implements VaultNode {

        private final FakeVaultNode fake;

        Node(FakeVaultNode fake) {
            this.fake = fake;
        }

        @Override
        public String name() {
            return fake.name();
        }

        @Override
        public VaultNodeClient client() {
            return anonymousClient().withToken(rootToken);
        }

        @Override
        public VaultNodeClient anonymousClient() {
            return VaultNodeClient.create(VaultEndpoint.of(fake.name(), fake.uri()).withTimeouts(FAST));
        }

        @Override
        public NodeSnapshot snapshot() {
            Pod pod = client.pods().inNamespace(namespace()).withName(name()).get();
            Optional<String> uid = Optional.ofNullable(pod).map(p -> p.getMetadata().getUid());
            Optional<String> phase = Optional.ofNullable(pod).map(Pod::getStatus).map(s -> s.getPhase());
            try {
                VaultNodeClient anonymous = anonymousClient();
                SealStatus seal = anonymous.sealStatus();
                HealthStatus health = anonymous.health();
                return new NodeSnapshot(name(), uid, phase, pod != null, 0, Optional.of(seal), Optional.of(health),
                        Optional.empty());
            } catch (RuntimeException e) {
                return new NodeSnapshot(name(), uid, phase, false, 0, Optional.empty(), Optional.empty(),
                        Optional.of(e.getClass().getSimpleName()));
            }
        }
    }
}
