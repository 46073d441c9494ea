package dev.vaulttest.vault;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Raft membership as answered by {@code GET /v1/sys/storage/raft/configuration}.
 *
 * @param index the Raft index of this configuration
 * @param servers the members, in the order Vault listed them
 */
public record RaftConfiguration(long index, List<RaftServer> servers) {
    /**
     * Creates the record, validating and copying its components.
     *
     * @param index the Raft index of this configuration
     * @param servers the members, in the order Vault listed them
     */
    public RaftConfiguration {
        servers = List.copyOf(servers);
    }

    /**
     * The member that is the leader.
     *
     * @return the leader, or empty when none is marked
     */
    public Optional<RaftServer> leader() {
        return servers.stream().filter(RaftServer::leader).findFirst();
    }

    /**
     * The members that vote.
     *
     * @return the voters
     */
    public List<RaftServer> voters() {
        return servers.stream().filter(RaftServer::voter).toList();
    }

    /**
     * The member with a node id.
     *
     * @param nodeId the Raft node id
     * @return the member, or empty
     */
    public Optional<RaftServer> server(String nodeId) {
        return servers.stream().filter(server -> server.nodeId().equals(nodeId)).findFirst();
    }

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
}
