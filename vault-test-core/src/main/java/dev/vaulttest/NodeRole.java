package dev.vaulttest;

/** What a Vault node is doing, as its health endpoint and pod say at snapshot time. */
public enum NodeRole {
    /** Unsealed and the active (leader) node. */
    ACTIVE,
    /** Unsealed and a standby (performance standbys included). */
    STANDBY,
    /** Initialised but sealed. */
    SEALED,
    /** Not initialised yet. */
    UNINITIALIZED,
    /** The node answered with a state the library does not model (DR secondary, removed from the cluster). */
    OTHER,
    /** The pod is missing or not running, or Vault did not answer. */
    UNREACHABLE
}
