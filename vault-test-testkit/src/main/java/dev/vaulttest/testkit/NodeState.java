package dev.vaulttest.testkit;

/** What a fake node is doing, as a test observes it from outside. */
public enum NodeState {
    /** The process is stopped: connections are refused. */
    STOPPED,
    /** Auto-unseal node that cannot reach its KMS: it exits at startup, so connections are refused. */
    CRASH_LOOPING,
    /** Running without Raft data (never initialised or joined, or its storage was wiped). */
    UNINITIALIZED,
    /** Running with data, sealed. */
    SEALED,
    /** Unsealed and the active node. */
    ACTIVE,
    /** Unsealed and a standby. */
    STANDBY,
    /** Unsealed but removed from the Raft cluster. */
    REMOVED
}
