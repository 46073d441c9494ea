package dev.vaulttest.vault;

import java.util.Arrays;
import java.util.Optional;

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
