package dev.vaulttest.engine;

import dev.vaulttest.chart.Adjustment;
import dev.vaulttest.chart.StorageReclaimPolicy;
import dev.vaulttest.cluster.ClusterFacts;
import dev.vaulttest.cluster.EnvironmentId;
import dev.vaulttest.kms.SealSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Fits values to the cluster they are installed on (the k3s overlay): a values layer to merge last, the
 * objects to create before the install, and what the library's clients must know about them.
 */
@FunctionalInterface
interface ClusterFit {

    /**
     * Computes the fit.
     *
     * @param values the team's values with the spec's mode layer merged in
     * @param context the release, the cluster, the seal
     * @return the fit
     */
    Fitted fit(Map<String, Object> values, Context context);

    /**
     * What the fit needs besides the values.
     *
     * @param environment the environment id
     * @param releaseName the release
     * @param namespace the release namespace
     * @param clusterDescription the cluster, for messages
     * @param facts what the cluster offers
     * @param seal the seal
     * @param kms the emulator's pod-side connection, when an emulator runs
     * @param reclaimPolicy the reclaim policy of created StorageClasses
     * @param injector whether the agent injector stays on
     */
    record Context(EnvironmentId environment, String releaseName, String namespace, String clusterDescription,
            ClusterFacts facts, SealSpec seal, Optional<KmsConnection> kms, StorageReclaimPolicy reclaimPolicy,
            boolean injector) {

        public Context {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(kms, "kms");
        }
    }

    /**
     * The fit's result.
     *
     * @param values the overlay layer
     * @param adjustments what was added and why
     * @param objects StorageClasses and Secrets to create before the install (may hold keys: never print)
     * @param caCertificatePem the CA of generated listener certificates, which the library's clients trust
     * @param kmsKeyAlias the key alias the KMS emulator must create
     */
    record Fitted(Map<String, Object> values, List<Adjustment> adjustments, List<HasMetadata> objects,
            Optional<String> caCertificatePem, Optional<String> kmsKeyAlias) {

        public Fitted {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
            adjustments = List.copyOf(adjustments);
            objects = List.copyOf(objects);
            Objects.requireNonNull(caCertificatePem, "caCertificatePem");
            Objects.requireNonNull(kmsKeyAlias, "kmsKeyAlias");
        }
    }
}
