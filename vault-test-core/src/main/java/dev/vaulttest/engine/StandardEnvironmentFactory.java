package dev.vaulttest.engine;

import dev.vaulttest.BringUpException;
import dev.vaulttest.EnvironmentFactory;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.chart.ChartCache;
import dev.vaulttest.cluster.ClusterSpec;
import dev.vaulttest.cluster.KubernetesCluster;
import dev.vaulttest.internal.helm.ChartRenderer;
import dev.vaulttest.internal.helm.HelmReleases;
import dev.vaulttest.internal.helm.ReleaseInstaller;
import dev.vaulttest.kms.KmsStarter;
import dev.vaulttest.vault.VaultTimeouts;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The library's {@link EnvironmentFactory}: opens clusters from their specs and brings Vault up on them
 * (namespace, KMS emulator, fitted values, Helm install, init, unseal, raft join, ready gate), recording each
 * phase. {@link #create()} wires the real collaborators; the {@link Builder} replaces them, which the
 * library's own tests do to run against a mock API server and a Vault API double.
 */
public final class StandardEnvironmentFactory implements EnvironmentFactory {

    private final EnvironmentWiring wiring;

    /**
     * The factory with the real collaborators, as {@link #create()}. {@link EnvironmentFactory#standard()} finds
     * the library's factory through {@link java.util.ServiceLoader}, which needs this constructor.
     */
    public StandardEnvironmentFactory() {
        this(builder().build().wiring);
    }

    private StandardEnvironmentFactory(EnvironmentWiring wiring) {
        this.wiring = wiring;
    }

    /**
     * The factory with the real collaborators: helm-java, port-forwards, KMS emulators on the k3s network, the
     * chart cache at its default location, and cleanup on failure.
     *
     * @return the factory
     */
    public static StandardEnvironmentFactory create() {
        return builder().build();
    }

    /**
     * A builder starting from the real collaborators.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public KubernetesCluster openCluster(ClusterSpec spec) {
        return Objects.requireNonNull(spec, "spec").open();
    }

    @Override
    public VaultEnvironment deploy(VaultEnvironmentSpec spec, KubernetesCluster cluster) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(cluster, "cluster");
        return BringUp.start(spec, wiring, () -> cluster, false);
    }

    /**
     * Opens the spec's cluster and brings Vault up on it; the environment owns the cluster and closes it.
     *
     * @param spec the deployment
     * @return the ready environment
     * @throws BringUpException when a phase fails (the cluster is closed again unless kept on failure)
     */
    @Override
    public VaultEnvironment start(VaultEnvironmentSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return BringUp.start(spec, wiring, () -> openCluster(spec.cluster()), true);
    }

    /** Replaces the factory's collaborators; every one starts at the real implementation. */
    public static final class Builder {

        private ChartCache chartCache;
        private ReleaseInstaller installer = new HelmReleases();
        private Function<KubernetesCluster, NodeConnector> connectors = NodeConnector::portForward;
        private KmsStarter kmsStarter = KmsStarter.onClusterNetwork();
        private Supplier<EnvironmentId> ids = () -> EnvironmentId.random("");
        private VaultTimeouts vaultTimeouts = VaultTimeouts.defaults();
        private boolean keepOnFailure;

        private Builder() {
        }

        /**
         * Where repository charts are cached (default: {@link ChartCache#atDefaultLocation()}).
         *
         * @param cache the cache
         * @return this builder
         */
        public Builder chartCache(ChartCache cache) {
            this.chartCache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /**
         * How releases are installed (default: {@link HelmReleases}).
         *
         * @param releaseInstaller the installer
         * @return this builder
         */
        Builder installer(ReleaseInstaller releaseInstaller) {
            this.installer = Objects.requireNonNull(releaseInstaller, "releaseInstaller");
            return this;
        }

        /**
         * How the JVM reaches the Vault pods of a cluster (default: {@link NodeConnector#portForward}).
         *
         * @param nodeConnectors gives the connector for a cluster
         * @return this builder
         */
        Builder nodeConnectors(Function<KubernetesCluster, NodeConnector> nodeConnectors) {
            this.connectors = Objects.requireNonNull(nodeConnectors, "nodeConnectors");
            return this;
        }

        /**
         * How KMS emulators are started (default: {@link KmsStarter#onClusterNetwork()}).
         *
         * @param starter the starter
         * @return this builder
         */
        public Builder kmsStarter(KmsStarter starter) {
            this.kmsStarter = Objects.requireNonNull(starter, "starter");
            return this;
        }

        /**
         * Where environment ids come from (default: random ones); the id names the namespace and the release.
         *
         * @param environmentIds supplies one id per environment
         * @return this builder
         */
        Builder environmentIds(Supplier<EnvironmentId> environmentIds) {
            this.ids = Objects.requireNonNull(environmentIds, "environmentIds");
            return this;
        }

        /**
         * The timeouts of the Vault clients (default: {@link VaultTimeouts#defaults()}).
         *
         * @param timeouts the timeouts
         * @return this builder
         */
        public Builder vaultTimeouts(VaultTimeouts timeouts) {
            this.vaultTimeouts = Objects.requireNonNull(timeouts, "timeouts");
            return this;
        }

        /**
         * Whether a failed bring-up keeps its namespace, release and containers for inspection (default: no,
         * everything is removed). The failure message says what was kept.
         *
         * @param keep {@code true} to keep
         * @return this builder
         */
        public Builder keepOnFailure(boolean keep) {
            this.keepOnFailure = keep;
            return this;
        }

        /**
         * Builds the factory.
         *
         * @return the factory
         */
        public StandardEnvironmentFactory build() {
            ChartCache cache = chartCache == null ? ChartCache.atDefaultLocation() : chartCache;
            return new StandardEnvironmentFactory(new EnvironmentWiring(new ChartRenderer(cache), installer,
                    connectors, kmsStarter, ids, vaultTimeouts, keepOnFailure));
        }
    }
}
