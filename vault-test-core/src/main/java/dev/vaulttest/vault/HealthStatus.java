package dev.vaulttest.vault;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a node answered on {@code GET /v1/sys/health}: the state from the status code and the body.
 *
 * @param httpStatus the HTTP status, one of the documented health codes
 * @param state the state that status code stands for
 * @param initialized whether the node is initialised
 * @param sealed whether the node is sealed
 * @param standby whether the node is a standby
 * @param performanceStandby whether the node is a performance standby (Enterprise)
 * @param replicationPerformanceMode performance replication mode, {@code disabled} on CE
 * @param replicationDrMode DR replication mode, {@code disabled} on CE
 * @param serverTimeUtc the node's clock, in seconds since the epoch
 * @param version the Vault server version
 * @param clusterName the cluster name, absent while sealed
 * @param clusterId the cluster id, absent while sealed
 * @param enterprise whether the server is an Enterprise build
 * @param removedFromCluster whether the node was removed from its Raft cluster (Vault 1.19+)
 * @param haConnectionHealthy whether a standby can heartbeat the active node (Vault 1.19+)
 * @param lastRequestForwardingHeartbeatMs age of the standby's last heartbeat to the active node
 * @param echoDurationMs round trip of the standby's last echo to the active node
 * @param clockSkewMs clock skew between this standby and the active node
 */
public record HealthStatus(
        int httpStatus,
        HealthState state,
        boolean initialized,
        boolean sealed,
        boolean standby,
        boolean performanceStandby,
        String replicationPerformanceMode,
        String replicationDrMode,
        long serverTimeUtc,
        String version,
        Optional<String> clusterName,
        Optional<String> clusterId,
        boolean enterprise,
        Optional<Boolean> removedFromCluster,
        Optional<Boolean> haConnectionHealthy,
        OptionalLong lastRequestForwardingHeartbeatMs,
        OptionalLong echoDurationMs,
        OptionalLong clockSkewMs) {
    /**
     * Creates the record, validating and copying its components.
     *
     * @param httpStatus the HTTP status, one of the documented health codes
     * @param state the state that status code stands for
     * @param initialized whether the node is initialised
     * @param sealed whether the node is sealed
     * @param standby whether the node is a standby
     * @param performanceStandby whether the node is a performance standby (Enterprise)
     * @param replicationPerformanceMode performance replication mode, {@code disabled} on CE
     * @param replicationDrMode DR replication mode, {@code disabled} on CE
     * @param serverTimeUtc the node's clock, in seconds since the epoch
     * @param version the Vault server version
     * @param clusterName the cluster name, absent while sealed
     * @param clusterId the cluster id, absent while sealed
     * @param enterprise whether the server is an Enterprise build
     * @param removedFromCluster whether the node was removed from its Raft cluster (Vault 1.19+)
     * @param haConnectionHealthy whether a standby can heartbeat the active node (Vault 1.19+)
     * @param lastRequestForwardingHeartbeatMs age of the standby's last heartbeat to the active node
     * @param echoDurationMs round trip of the standby's last echo to the active node
     * @param clockSkewMs clock skew between this standby and the active node
     */
    public HealthStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(replicationPerformanceMode, "replicationPerformanceMode");
        Objects.requireNonNull(replicationDrMode, "replicationDrMode");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(removedFromCluster, "removedFromCluster");
        Objects.requireNonNull(haConnectionHealthy, "haConnectionHealthy");
        Objects.requireNonNull(lastRequestForwardingHeartbeatMs, "lastRequestForwardingHeartbeatMs");
        Objects.requireNonNull(echoDurationMs, "echoDurationMs");
        Objects.requireNonNull(clockSkewMs, "clockSkewMs");
    }

    /**
     * Whether this node is the active node.
     *
     * @return {@code true} for {@link HealthState#ACTIVE}
     */
    public boolean isActive() {
        return state == HealthState.ACTIVE;
    }

    /**
     * A node's state as told by the status code of {@code GET /v1/sys/health} with Vault's default codes.
     */
    public enum HealthState {
        /** 200: initialised, unsealed and active. */
        ACTIVE(200),
        /** 429: unsealed standby. */
        STANDBY(429),
        /** 472: disaster-recovery replication secondary (Enterprise). */
        DR_SECONDARY(472),
        /** 473: performance standby (Enterprise). */
        PERFORMANCE_STANDBY(473),
        /** 474: standby that cannot heartbeat the active node (Vault 1.19+). */
        STANDBY_HA_UNHEALTHY(474),
        /** 501: not initialised. */
        NOT_INITIALIZED(501),
        /** 503: sealed. */
        SEALED(503),
        /** 530: removed from its Raft cluster (Vault 1.19+). */
        REMOVED_FROM_CLUSTER(530);

        private final int statusCode;

        HealthState(int statusCode) {
            this.statusCode = statusCode;
        }

        /**
         * The default HTTP status code Vault answers with in this state.
         *
         * @return the status code
         */
        public int statusCode() {
            return statusCode;
        }

        /**
         * The state for a documented health status code.
         *
         * @param statusCode the HTTP status of a health answer
         * @return the state, or empty when the code is not one of the documented health codes
         */
        public static Optional<HealthState> fromStatusCode(int statusCode) {
            return Arrays.stream(values()).filter(state -> state.statusCode == statusCode).findFirst();
        }

        /**
         * Whether a node in this state is unsealed and part of a working cluster (active or some kind of standby).
         *
         * @return {@code true} for active and standby states
         */
        public boolean isServing() {
            return this == ACTIVE || this == STANDBY || this == PERFORMANCE_STANDBY || this == DR_SECONDARY
                    || this == STANDBY_HA_UNHEALTHY;
        }
    }
}
