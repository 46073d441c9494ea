package dev.vaulttest.engine;

import dev.vaulttest.chart.StorageReclaimPolicy;
import dev.vaulttest.cluster.ClusterFacts;
import dev.vaulttest.cluster.EnvironmentId;
import dev.vaulttest.kms.SealSpec;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the k3s overlay needs to know besides the values: where the release goes, what the cluster offers, how
 * Vault is sealed and where the KMS emulator is.
 *
 * @param releaseName the Helm release name
 * @param namespace the release namespace
 * @param environment the owning environment; labels the objects the overlay creates
 * @param clusterDescription the cluster as messages name it
 * @param cluster what the cluster offers
 * @param seal how Vault is sealed
 * @param kms the emulator Vault's {@code awskms} seal must reach; required for an emulated {@link SealSpec.AwsKms}
 * @param reclaimPolicy the reclaim policy of StorageClasses the overlay creates
 * @param injectorEnabled whether the test wants the agent injector (off unless asked)
 * @param providedSecrets Secrets the caller creates itself before the install, so their references are not errors
 * @param providedConfigMaps ConfigMaps the caller creates itself before the install
 */
record OverlayInputs(String releaseName, String namespace, EnvironmentId environment, String clusterDescription,
        ClusterFacts cluster, SealSpec seal, Optional<KmsConnection> kms, StorageReclaimPolicy reclaimPolicy,
        boolean injectorEnabled, Set<String> providedSecrets, Set<String> providedConfigMaps) {

    /**
     * Validates and copies.
     *
     * @param releaseName the Helm release name
     * @param namespace the release namespace
     * @param environment the owning environment; labels the objects the overlay creates
     * @param clusterDescription the cluster as messages name it
     * @param cluster what the cluster offers
     * @param seal how Vault is sealed
     * @param kms the emulator Vault's {@code awskms} seal must reach; required for an emulated {@link SealSpec.AwsKms}
     * @param reclaimPolicy the reclaim policy of StorageClasses the overlay creates
     * @param injectorEnabled whether the test wants the agent injector (off unless asked)
     * @param providedSecrets Secrets the caller creates itself before the install, so their references are not errors
     * @param providedConfigMaps ConfigMaps the caller creates itself before the install
     */
    public OverlayInputs {
        Objects.requireNonNull(releaseName, "releaseName");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(clusterDescription, "clusterDescription");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(seal, "seal");
        Objects.requireNonNull(kms, "kms");
        Objects.requireNonNull(reclaimPolicy, "reclaimPolicy");
        providedSecrets = Set.copyOf(providedSecrets);
        providedConfigMaps = Set.copyOf(providedConfigMaps);
        if (seal instanceof SealSpec.AwsKms aws && aws.provider().isEmulated() && kms.isEmpty()) {
            throw new IllegalArgumentException("The seal uses the " + aws.provider() + " emulator, so the overlay needs"
                    + " its KmsConnection (KmsConnection.of(emulator)); start the emulator first.");
        }
    }

    /**
     * A builder with the environment's namespace and release name, the default seal, {@code Retain} and no injector.
     *
     * @param environment the owning environment
     * @param cluster what the cluster offers
     * @return the builder
     */
    public static Builder builder(EnvironmentId environment, ClusterFacts cluster) {
        return new Builder(environment, cluster);
    }

    /** Builds {@link OverlayInputs}. */
    public static final class Builder {

        private final EnvironmentId environment;
        private final ClusterFacts cluster;
        private String releaseName;
        private String namespace;
        private String clusterDescription = "the test cluster";
        private SealSpec seal = SealSpec.defaults();
        private KmsConnection kms;
        private StorageReclaimPolicy reclaimPolicy = StorageReclaimPolicy.RETAIN;
        private boolean injectorEnabled;
        private final Set<String> providedSecrets = new LinkedHashSet<>();
        private final Set<String> providedConfigMaps = new LinkedHashSet<>();

        private Builder(EnvironmentId environment, ClusterFacts cluster) {
            this.environment = environment;
            this.cluster = cluster;
            this.releaseName = environment.releaseName();
            this.namespace = environment.namespace();
        }

        /**
         * Sets the release name.
         *
         * @param name the Helm release name
         * @return this builder
         */
        public Builder releaseName(String name) {
            this.releaseName = name;
            return this;
        }

        /**
         * Sets the namespace.
         *
         * @param name the release namespace
         * @return this builder
         */
        public Builder namespace(String name) {
            this.namespace = name;
            return this;
        }

        /**
         * Sets how messages name the cluster.
         *
         * @param description for example {@code k3s rancher/k3s:v1.33.5-k3s1}
         * @return this builder
         */
        public Builder clusterDescription(String description) {
            this.clusterDescription = description;
            return this;
        }

        /**
         * Sets the seal.
         *
         * @param spec the seal
         * @return this builder
         */
        public Builder seal(SealSpec spec) {
            this.seal = spec;
            return this;
        }

        /**
         * Sets the KMS emulator connection.
         *
         * @param connection the emulator's pod-side connection
         * @return this builder
         */
        public Builder kms(KmsConnection connection) {
            this.kms = connection;
            return this;
        }

        /**
         * Sets the reclaim policy of created StorageClasses.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder reclaimPolicy(StorageReclaimPolicy policy) {
            this.reclaimPolicy = policy;
            return this;
        }

        /**
         * Keeps the agent injector as the values configure it instead of turning it off.
         *
         * @param enabled whether the test wants the injector
         * @return this builder
         */
        public Builder injectorEnabled(boolean enabled) {
            this.injectorEnabled = enabled;
            return this;
        }

        /**
         * Declares a Secret the caller creates before the install.
         *
         * @param name the Secret's name
         * @return this builder
         */
        public Builder providedSecret(String name) {
            this.providedSecrets.add(name);
            return this;
        }

        /**
         * Declares a ConfigMap the caller creates before the install.
         *
         * @param name the ConfigMap's name
         * @return this builder
         */
        public Builder providedConfigMap(String name) {
            this.providedConfigMaps.add(name);
            return this;
        }

        /**
         * Builds the inputs.
         *
         * @return the inputs
         */
        public OverlayInputs build() {
            return new OverlayInputs(releaseName, namespace, environment, clusterDescription, cluster, seal,
                    Optional.ofNullable(kms), reclaimPolicy, injectorEnabled, providedSecrets, providedConfigMaps);
        }
    }
}
