package dev.vaulttest.vault;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a node answered on {@code GET /v1/sys/seal-status} (also the answer of each unseal call).
 *
 * <p>Fields Vault omits in some states are {@link Optional}: the cluster name and id while sealed,
 * {@code removed_from_cluster} before Vault 1.19, {@code recovery_seal_type} unless set.
 *
 * @param type the seal type, for example {@code shamir} or {@code awskms}
 * @param initialized whether the node (its storage) is initialised
 * @param sealed whether the node is sealed
 * @param threshold {@code t}: key shares needed to unseal (recovery threshold under auto-unseal)
 * @param shares {@code n}: key shares issued (recovery shares under auto-unseal)
 * @param progress shares submitted so far in the current unseal attempt
 * @param nonce the current unseal attempt's nonce, empty when none is in progress
 * @param version the Vault server version, for example {@code 1.21.2}
 * @param buildDate the build date Vault reports
 * @param migration whether a seal migration is in progress
 * @param recoverySeal whether the seal uses recovery keys (true for auto-unseal such as {@code awskms})
 * @param recoverySealType the recovery seal type, when Vault reports it
 * @param storageType the storage backend, for example {@code raft}, {@code file} or {@code inmem} (dev mode)
 * @param clusterName the cluster name, absent while sealed
 * @param clusterId the cluster id, absent while sealed
 * @param removedFromCluster whether this node was removed from its Raft cluster (Vault 1.19+)
 * @param warnings warnings Vault attached
 * @param migrationDoneAtEpoch when a seal migration completed, on the newest Vault versions
 */
public record SealStatus(
        String type,
        boolean initialized,
        boolean sealed,
        int threshold,
        int shares,
        int progress,
        String nonce,
        String version,
        String buildDate,
        boolean migration,
        boolean recoverySeal,
        Optional<String> recoverySealType,
        String storageType,
        Optional<String> clusterName,
        Optional<String> clusterId,
        Optional<Boolean> removedFromCluster,
        List<String> warnings,
        OptionalLong migrationDoneAtEpoch) {
    /**
     * Creates the record, validating and copying its components.
     *
     * @param type the seal type, for example {@code shamir} or {@code awskms}
     * @param initialized whether the node (its storage) is initialised
     * @param sealed whether the node is sealed
     * @param threshold {@code t}: key shares needed to unseal (recovery threshold under auto-unseal)
     * @param shares {@code n}: key shares issued (recovery shares under auto-unseal)
     * @param progress shares submitted so far in the current unseal attempt
     * @param nonce the current unseal attempt's nonce, empty when none is in progress
     * @param version the Vault server version, for example {@code 1.21.2}
     * @param buildDate the build date Vault reports
     * @param migration whether a seal migration is in progress
     * @param recoverySeal whether the seal uses recovery keys (true for auto-unseal such as {@code awskms})
     * @param recoverySealType the recovery seal type, when Vault reports it
     * @param storageType the storage backend, for example {@code raft}, {@code file} or {@code inmem} (dev mode)
     * @param clusterName the cluster name, absent while sealed
     * @param clusterId the cluster id, absent while sealed
     * @param removedFromCluster whether this node was removed from its Raft cluster (Vault 1.19+)
     * @param warnings warnings Vault attached
     * @param migrationDoneAtEpoch when a seal migration completed, on the newest Vault versions
     */
    public SealStatus {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(buildDate, "buildDate");
        Objects.requireNonNull(recoverySealType, "recoverySealType");
        Objects.requireNonNull(storageType, "storageType");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(removedFromCluster, "removedFromCluster");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(migrationDoneAtEpoch, "migrationDoneAtEpoch");
    }

    /**
     * Whether the node unseals itself through a KMS or HSM instead of Shamir key shares.
     *
     * @return {@code true} for auto-unseal seals
     */
    public boolean isAutoUnseal() {
        return recoverySeal;
    }

    /**
     * Whether storage is in memory, the signature of a dev-mode server: everything is lost on restart.
     *
     * @return {@code true} when the storage type starts with {@code inmem}
     */
    public boolean isInMemoryStorage() {
        return storageType.startsWith("inmem");
    }

    /**
     * Whether the node is initialised and unsealed.
     *
     * @return {@code true} when it can serve requests
     */
    public boolean isUnsealed() {
        return initialized && !sealed;
    }
}
