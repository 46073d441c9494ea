package dev.vaulttest.assertj;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.VaultNode;
import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.chart.Adjustment;
import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.chart.EffectiveValues;
import dev.vaulttest.cluster.KubernetesCluster;
import dev.vaulttest.kms.KmsEmulator;
import dev.vaulttest.timing.PhaseTimeline;
import dev.vaulttest.vault.Sensitive;
import dev.vaulttest.vault.VaultNodeClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The part of a {@link VaultEnvironment} the assertions use (namespace, release, the active node's client,
 * snapshots), over the Vault double. Everything else is out of scope for these tests and throws.
 */
final class DoubleEnvironment implements VaultEnvironment {

    private final VaultDouble vault;
    private final String namespace;
    private final String release;
    private final KubernetesClient kubernetes;
    private final AtomicInteger snapshots = new AtomicInteger();
    private volatile IntConsumer beforeSnapshot = count -> { };

    DoubleEnvironment(VaultDouble vault) {
        this(vault, VaultDouble.NAMESPACE, VaultDouble.RELEASE, null);
    }

    /** An environment whose Kubernetes objects are in a (mock) cluster; {@code vault} may be null if unused. */
    DoubleEnvironment(VaultDouble vault, String namespace, String release, KubernetesClient kubernetes) {
        this.vault = vault;
        this.namespace = namespace;
        this.release = release;
        this.kubernetes = kubernetes;
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public String releaseName() {
        return release;
    }

    @Override
    public VaultNodeClient client() {
        if (vault.cluster().leader().isEmpty()) {
            throw new VaultTestException("No single active node: " + vault.snapshot().describe());
        }
        return vault.leaderClient();
    }

    @Override
    public DeploymentSnapshot snapshot() {
        beforeSnapshot.accept(snapshots.incrementAndGet());
        return vault.snapshot();
    }

    /** Runs before every snapshot with its number (1, 2, ...), so a test can change the double after N polls. */
    DoubleEnvironment beforeSnapshot(IntConsumer action) {
        this.beforeSnapshot = action;
        return this;
    }

    int snapshotsTaken() {
        return snapshots.get();
    }

    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("not used by the assertions under test");
    }

    @Override
    public VaultEnvironmentSpec spec() {
        throw unused();
    }

    @Override
    public KubernetesCluster cluster() {
        throw unused();
    }

    @Override
    public KubernetesClient kubernetes() {
        if (kubernetes == null) {
            throw unused();
        }
        return kubernetes;
    }

    @Override
    public List<VaultNode> nodes() {
        throw unused();
    }

    @Override
    public VaultNode node(String name) {
        throw unused();
    }

    @Override
    public VaultNode active() {
        throw unused();
    }

    @Override
    public List<VaultNode> standbys() {
        throw unused();
    }

    @Override
    public io.github.jopenlibs.vault.Vault driverClient() {
        throw unused();
    }

    @Override
    public Optional<KmsEmulator> kms() {
        throw unused();
    }

    @Override
    public Sensitive rootToken() {
        throw unused();
    }

    @Override
    public List<Sensitive> unsealKeys() {
        throw unused();
    }

    @Override
    public DeploymentSnapshot unsealAll(Duration timeout) {
        throw unused();
    }

    @Override
    public EffectiveValues effectiveValues() {
        throw unused();
    }

    @Override
    public List<Adjustment> adjustments() {
        throw unused();
    }

    @Override
    public ChartValues valuesForUpgrade(ChartValues teamValues) {
        throw unused();
    }

    @Override
    public PhaseTimeline timeline() {
        throw unused();
    }

    @Override
    public DeploymentSnapshot awaitReady(Duration timeout) {
        throw unused();
    }

    @Override
    public void close() {
        if (vault != null) {
            vault.close();
        }
    }
}
