package dev.vaulttest;

import dev.vaulttest.base.Versions;
import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.chart.StorageReclaimPolicy;
import dev.vaulttest.cluster.ClusterSpec;
import dev.vaulttest.cluster.K3sClusterSpec;
import dev.vaulttest.kms.SealSpec;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to bring up one Vault deployment: where, which chart, which values, which seal.
 * Immutable; build one with {@link #builder()}.
 *
 * <p>The defaults give what most tests want: a k3s cluster, the official chart at the pinned version,
 * HA with integrated storage on 3 nodes, Shamir unseal.
 *
 * @param cluster the cluster to run on
 * @param chart the chart to install
 * @param values the team's values files and {@code --set} overrides, tested as they are
 * @param mode the topology the library sets; {@link DeploymentMode#FROM_VALUES} leaves it to the values
 * @param replicas the number of Vault nodes in {@link DeploymentMode#HA_RAFT}
 * @param seal how Vault is unsealed
 * @param tls whether the library configures TLS listeners with its own CA when the values do not
 * @param injector whether the agent injector stays enabled (off by default: it is not under test)
 * @param reclaimPolicy the reclaim policy of StorageClasses the library creates for names the values use
 * @param namespace the namespace to install into; empty for a generated, unique one
 * @param timeouts how long each phase may take
 */
public record VaultEnvironmentSpec(ClusterSpec cluster, ChartSource chart, ChartValues values, DeploymentMode mode,
        int replicas, SealSpec seal, boolean tls, boolean injector, StorageReclaimPolicy reclaimPolicy,
        Optional<String> namespace, EnvironmentTimeouts timeouts) {

    /**
     * Validates the spec.
     *
     * @param cluster the cluster to run on
     * @param chart the chart to install
     * @param values the values files and overrides
     * @param mode the topology
     * @param replicas the number of nodes in HA mode
     * @param seal how Vault is unsealed
     * @param tls whether the library configures TLS
     * @param injector whether the injector stays enabled
     * @param reclaimPolicy the reclaim policy of created StorageClasses
     * @param namespace the namespace, or empty for a generated one
     * @param timeouts the phase timeouts
     */
    public VaultEnvironmentSpec {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(seal, "seal");
        Objects.requireNonNull(reclaimPolicy, "reclaimPolicy");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(timeouts, "timeouts");
        if (mode == DeploymentMode.HA_RAFT && replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1 for HA_RAFT, got " + replicas);
        }
    }

    /**
     * A builder with the defaults: k3s, official chart, HA raft with 3 nodes, Shamir.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from this spec.
     *
     * @return a new builder with this spec's values
     */
    public Builder toBuilder() {
        return new Builder().cluster(cluster).chart(chart).values(values).mode(mode).replicas(replicas).seal(seal)
                .tls(tls).injector(injector).reclaimPolicy(reclaimPolicy).timeouts(timeouts)
                .namespace(namespace.orElse(null));
    }

    /** Builds a {@link VaultEnvironmentSpec}. */
    public static final class Builder {

        private ClusterSpec cluster = K3sClusterSpec.defaults();
        private ChartSource chart = ChartSource.official();
        private ChartValues values = ChartValues.none();
        private DeploymentMode mode = DeploymentMode.HA_RAFT;
        private int replicas = 3;
        private SealSpec seal = SealSpec.defaults();
        private boolean tls;
        private boolean injector;
        private StorageReclaimPolicy reclaimPolicy = StorageReclaimPolicy.RETAIN;
        private String namespace;
        private EnvironmentTimeouts timeouts = EnvironmentTimeouts.defaults();

        private Builder() {
        }

        /**
         * The cluster to run on (default: a new k3s cluster).
         *
         * @param cluster the cluster spec
         * @return this builder
         */
        public Builder cluster(ClusterSpec cluster) {
            this.cluster = Objects.requireNonNull(cluster, "cluster");
            return this;
        }

        /**
         * The chart to install (default: the official chart at {@link Versions#CHART_VERSION}).
         *
         * @param chart the chart
         * @return this builder
         */
        public Builder chart(ChartSource chart) {
            this.chart = Objects.requireNonNull(chart, "chart");
            return this;
        }

        /**
         * The team's values files and overrides. Giving values does not change the mode: call
         * {@code mode(DeploymentMode.FROM_VALUES)} to let the values decide the topology.
         *
         * @param values the values
         * @return this builder
         */
        public Builder values(ChartValues values) {
            this.values = Objects.requireNonNull(values, "values");
            return this;
        }

        /**
         * The topology the library sets (default: {@link DeploymentMode#HA_RAFT}).
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder mode(DeploymentMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * The number of Vault nodes in HA mode (default 3).
         *
         * @param replicas the node count
         * @return this builder
         */
        public Builder replicas(int replicas) {
            this.replicas = replicas;
            return this;
        }

        /**
         * How Vault is unsealed (default: Shamir).
         *
         * @param seal the seal
         * @return this builder
         */
        public Builder seal(SealSpec seal) {
            this.seal = Objects.requireNonNull(seal, "seal");
            return this;
        }

        /**
         * Whether the library configures TLS listeners with its own CA when the values do not (default off).
         *
         * @param tls {@code true} for TLS
         * @return this builder
         */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /**
         * Whether the agent injector stays enabled (default off).
         *
         * @param injector {@code true} to keep it
         * @return this builder
         */
        public Builder injector(boolean injector) {
            this.injector = injector;
            return this;
        }

        /**
         * The reclaim policy of StorageClasses the library creates (default Retain, so PVC-deletion tests
         * keep the released volume to inspect).
         *
         * @param reclaimPolicy the policy
         * @return this builder
         */
        public Builder reclaimPolicy(StorageReclaimPolicy reclaimPolicy) {
            this.reclaimPolicy = Objects.requireNonNull(reclaimPolicy, "reclaimPolicy");
            return this;
        }

        /**
         * The namespace to install into (default: generated, unique per environment).
         *
         * @param namespace the namespace, or {@code null} for a generated one
         * @return this builder
         */
        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /**
         * The phase timeouts (default: {@link EnvironmentTimeouts#defaults()}).
         *
         * @param timeouts the timeouts
         * @return this builder
         */
        public Builder timeouts(EnvironmentTimeouts timeouts) {
            this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
            return this;
        }

        /**
         * Builds the spec.
         *
         * @return the spec
         */
        public VaultEnvironmentSpec build() {
            return new VaultEnvironmentSpec(cluster, chart, values, mode, replicas, seal, tls, injector, reclaimPolicy,
                    Optional.ofNullable(namespace), timeouts);
        }
    }

    /**
     * How long each bring-up phase may take, and how often waits poll.
     *
     * @param install Helm install or upgrade, until the release is deployed
     * @param podsRunning until every Vault pod is Running (images pulled, volumes bound)
     * @param ready from the first pod running to the ready gate holding (init, unseal, join included)
     * @param pollInterval the pause between two observations of a wait
     */
    public record EnvironmentTimeouts(Duration install, Duration podsRunning, Duration ready, Duration pollInterval) {

        /**
         * Validates that every duration is positive.
         *
         * @param install Helm install or upgrade, until the release is deployed
         * @param podsRunning until every Vault pod is Running
         * @param ready until the ready gate holds
         * @param pollInterval the pause between two observations of a wait
         */
        public EnvironmentTimeouts {
            requirePositive(install, "install");
            requirePositive(podsRunning, "podsRunning");
            requirePositive(ready, "ready");
            requirePositive(pollInterval, "pollInterval");
        }

        /**
         * Defaults sized for a CI runner that pulls images cold: 3 minutes to install, 5 to get pods
         * running, 3 to reach the ready gate, polling every second.
         *
         * @return the default timeouts
         */
        public static EnvironmentTimeouts defaults() {
            return new EnvironmentTimeouts(Duration.ofMinutes(3), Duration.ofMinutes(5), Duration.ofMinutes(3),
                    Duration.ofSeconds(1));
        }

        private static void requirePositive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException("Timeout '" + name + "' must be positive, got " + value);
            }
        }
    }
}
