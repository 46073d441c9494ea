package dev.vaulttest.vault;

/**
 * Every operation {@link VaultNodeClient} performs against a node.
 *
 * <p>Used to name the failed step in a {@link VaultApiException} and to override the read timeout of a
 * single operation in {@link VaultTimeouts}.
 */
public enum VaultOperation {
    /** {@code GET /v1/sys/seal-status}. */
    SEAL_STATUS,
    /** {@code GET /v1/sys/health}. */
    HEALTH,
    /** {@code GET /v1/sys/init}. */
    INIT_STATUS,
    /** {@code PUT /v1/sys/init}. */
    INIT,
    /** {@code PUT /v1/sys/unseal}. */
    UNSEAL,
    /** {@code PUT /v1/sys/seal}. */
    SEAL,
    /** {@code GET /v1/sys/leader}. */
    LEADER,
    /** {@code PUT /v1/sys/step-down}. */
    STEP_DOWN,
    /** {@code GET /v1/sys/storage/raft/configuration}. */
    RAFT_CONFIGURATION,
    /** {@code GET /v1/sys/storage/raft/autopilot/state}. */
    AUTOPILOT_STATE,
    /** {@code POST /v1/sys/storage/raft/join}. */
    RAFT_JOIN,
    /** {@code POST /v1/sys/storage/raft/remove-peer}. */
    RAFT_REMOVE_PEER,
    /** {@code GET /v1/sys/storage/raft/snapshot}. */
    SNAPSHOT_SAVE,
    /** {@code POST /v1/sys/storage/raft/snapshot} and {@code snapshot-force}. */
    SNAPSHOT_RESTORE,
    /** {@code POST /v1/sys/mounts/<path>}. */
    ENABLE_SECRETS_ENGINE,
    /** {@code POST /v1/<mount>/data/<path>}. */
    KV_PUT,
    /** {@code GET /v1/<mount>/data/<path>}. */
    KV_GET,
    /** {@code POST /v1/sys/audit/<path>}. */
    ENABLE_AUDIT,
    /** {@code POST /v1/sys/policies/acl/<name>}. */
    WRITE_POLICY,
    /** {@code POST /v1/sys/auth/<path>}. */
    ENABLE_AUTH,
    /** {@code POST /v1/auth/<path>/config}. */
    CONFIGURE_KUBERNETES_AUTH,
    /** {@code POST /v1/auth/<path>/role/<name>}. */
    WRITE_KUBERNETES_ROLE,
    /** {@code POST /v1/auth/<path>/login}. */
    KUBERNETES_LOGIN
}
