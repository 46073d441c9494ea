package dev.vaulttest.junit5.fake;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.VaultNode;
import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.chart.Adjustment;
import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.chart.EffectiveValues;
import dev.vaulttest.chart.ReleaseRevision;
import dev.vaulttest.cluster.KubernetesCluster;
import dev.vaulttest.fixture.DoubleKms;
import dev.vaulttest.kms.KmsEmulator;
import dev.vaulttest.kms.SealSpec;
import dev.vaulttest.timing.Phase;
import dev.vaulttest.timing.PhaseTimeline;
import dev.vaulttest.timing.PhaseTiming;
import dev.vaulttest.vault.Sensitive;
import dev.vaulttest.vault.VaultEndpoint;
import dev.vaulttest.vault.VaultNodeClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A deployment that exists only in memory: its nodes point at a closed port, its health is whatever the
 * test sets. Enough to drive the extension's lifecycle, injection, recovery and diagnostics.
 */
public final class FakeEnvironment implements VaultEnvironment {

    /** What the deployment's ready gate would say. */
    public enum Health {
        /** Ready. */
        HEALTHY,
        /** Nodes are sealed; unsealing with the keys makes it ready again. */
        SEALED,
        /** Nothing brings it back: the extension must rebuild it. */
        BROKEN
    }

    /** A made-up root token; it must never reach a report or a message. */
    public static final String ROOT_TOKEN = "hvs.FAKEROOTTOKENabcdefghijklmnopqrstuvwx";

    private final int number;
    private final VaultEnvironmentSpec spec;
    private final FakeCluster cluster;
    private final List<VaultNode> nodes;
    private final Optional<KmsEmulator> kms;
    private final PhaseTimeline timeline;
    private volatile Health health = Health.HEALTHY;
    private volatile boolean snapshotsFail;
    private volatile boolean closed;

    FakeEnvironment(int number, VaultEnvironmentSpec spec, FakeCluster cluster) {
        this.number = number;
        this.spec = spec;
        this.cluster = cluster;
        int replicas = spec.mode() == dev.vaulttest.DeploymentMode.HA_RAFT ? spec.replicas() : 1;
        this.nodes = IntStream.range(0, replicas).mapToObj(i -> (VaultNode) new FakeNode(releaseName() + "-" + i))
                .toList();
        this.kms = spec.seal() instanceof SealSpec.AwsKms awsKms && awsKms.provider().isEmulated()
                ? Optional.of(DoubleKms.of(awsKms.provider(), "us-east-1")) : Optional.empty();
        Instant now = Instant.now();
        this.timeline = new PhaseTimeline(List.of(new PhaseTiming(Phase.INSTALL, now, Duration.ofSeconds(20)),
                new PhaseTiming(Phase.READY, now.plusSeconds(20), Duration.ofSeconds(10))));
    }

    /** The number of this deployment in the journal ({@code deploy #n}). */
    public int number() {
        return number;
    }

    /** Sets what the ready gate would say. */
    public void damage(Health newHealth) {
        this.health = newHealth;
    }

    /** The current health. */
    public Health health() {
        return health;
    }

    /** Makes {@link #snapshot()} fail, so diagnostics collection fails. */
    public void failSnapshots() {
        this.snapshotsFail = true;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public VaultEnvironmentSpec spec() {
        return spec;
    }

    @Override
    public String namespace() {
        return spec.namespace().orElse("vault-test-fake-" + number);
    }

    @Override
    public String releaseName() {
        return "vault-fake-" + number;
    }

    @Override
    public KubernetesCluster cluster() {
        return cluster;
    }

    @Override
    public KubernetesClient kubernetes() {
        return cluster.client();
    }

    @Override
    public List<VaultNode> nodes() {
        return nodes;
    }

    @Override
    public VaultNode node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + name));
    }

    @Override
    public VaultNode active() {
        if (health != Health.HEALTHY) {
            throw new VaultTestException("no active node: the deployment is " + health);
        }
        return nodes.get(0);
    }

    @Override
    public List<VaultNode> standbys() {
        return health == Health.HEALTHY ? nodes.subList(1, nodes.size()) : List.of();
    }

    @Override
    public Optional<KmsEmulator> kms() {
        return kms;
    }

    @Override
    public Sensitive rootToken() {
        return Sensitive.of(ROOT_TOKEN);
    }

    @Override
    public List<Sensitive> unsealKeys() {
        return List.of();
    }

    @Override
    public List<Sensitive> recoveryKeys() {
        return List.of();
    }

    @Override
    public List<ReleaseRevision> releaseHistory() {
        return List.of(new ReleaseRevision(1, Optional.empty(), "deployed", "vault-0.34.1", "2.0.4",
                "Install complete"));
    }

    @Override
    public DeploymentSnapshot unsealAll(Duration timeout) {
        Journal.add("unsealAll #" + number);
        if (health == Health.SEALED) {
            health = Health.HEALTHY;
        }
        return snapshot();
    }

    @Override
    public EffectiveValues effectiveValues() {
        return spec.values().effective();
    }

    @Override
    public List<Adjustment> adjustments() {
        return List.of(new Adjustment("server.affinity", "single-node cluster"));
    }

    /** The fake installs nothing, so there is no fit to repeat: the team's values come back as they are. */
    @Override
    public ChartValues valuesForUpgrade(ChartValues teamValues) {
        return teamValues;
    }

    @Override
    public PhaseTimeline timeline() {
        return timeline;
    }

    @Override
    public DeploymentSnapshot snapshot() {
        if (snapshotsFail) {
            throw new VaultTestException("fake snapshot failure (token " + ROOT_TOKEN + ")");
        }
        List<NodeSnapshot> observed = new ArrayList<>();
        for (VaultNode node : nodes) {
            observed.add(node.snapshot());
        }
        return new DeploymentSnapshot(namespace(), releaseName(), Instant.now(), nodes.size(), observed,
                Optional.empty(), Optional.empty());
    }

    @Override
    public DeploymentSnapshot awaitReady(Duration timeout) {
        Journal.add("awaitReady #" + number);
        if (health != Health.HEALTHY) {
            throw new VaultTestException("ready gate did not hold within " + timeout + ": deployment is " + health);
        }
        return snapshot();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Journal.add("close deployment #" + number);
        }
    }

    @Override
    public String toString() {
        return "FakeEnvironment#" + number;
    }

    private static final class FakeNode implements VaultNode {

        private final String name;
        private final VaultNodeClient anonymous;

        FakeNode(String name) {
            this.name = name;
            this.anonymous = VaultNodeClient.create(VaultEndpoint.of(name, URI.create("http://127.0.0.1:9")));
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public VaultNodeClient client() {
            return anonymous.withToken(Sensitive.of(ROOT_TOKEN));
        }

        @Override
        public VaultNodeClient anonymousClient() {
            return anonymous;
        }

        @Override
        public NodeSnapshot snapshot() {
            return new NodeSnapshot(name, Optional.of("uid-" + name), Optional.of("Running"), true, 0,
                    Optional.empty(), Optional.empty(), Optional.of("fake node"));
        }

        @Override
        public String toString() {
            return "FakeNode[" + name + "]";
        }
    }
}
