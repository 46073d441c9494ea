package dev.vaulttest.vault;

import java.util.List;
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
}
