package dev.vaulttest.vault;

import java.util.Objects;

/**
 * One member of a Raft cluster as listed by {@code GET /v1/sys/storage/raft/configuration}.
 *
 * @param nodeId the Raft node id (with the Helm chart usually the pod name)
 * @param address the cluster address, {@code host:8201}
 * @param leader whether this member is the leader
 * @param voter whether this member votes; new members join as non-voters until autopilot promotes them
 * @param protocolVersion the Raft protocol version, {@code "3"} on current Vault
 */
public record RaftServer(String nodeId, String address, boolean leader, boolean voter, String protocolVersion) {
    /**
     * Creates the record, validating and copying its components.
     *
     * @param nodeId the Raft node id (with the Helm chart usually the pod name)
     * @param address the cluster address, {@code host:8201}
     * @param leader whether this member is the leader
     * @param voter whether this member votes; new members join as non-voters until autopilot promotes them
     * @param protocolVersion the Raft protocol version, {@code "3"} on current Vault
     */
    public RaftServer {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(protocolVersion, "protocolVersion");
    }
}
