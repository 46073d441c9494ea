package dev.vaulttest;

/** How Vault is laid out, when the spec decides rather than the team's values file. */
public enum DeploymentMode {
    /** Whatever the values files say; the library adds nothing about topology. */
    FROM_VALUES,
    /** One node, file storage ({@code server.standalone}). */
    STANDALONE,
    /** Integrated storage (raft) with the spec's number of replicas ({@code server.ha.raft}). */
    HA_RAFT,
    /** Dev mode: in-memory storage and a well-known root token. Only for showing what goes wrong. */
    DEV
}
