package dev.vaulttest.vault;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a node answered on {@code GET /v1/sys/leader}.
 *
 * @param haEnabled whether the storage supports high availability (true with Raft)
 * @param isSelf whether the asked node is the active node
 * @param activeTime when the active node became active; absent when Vault reports the zero time
 * @param leaderAddress the active node's {@code api_addr}; with the Helm chart it contains the pod IP and
 *                      changes when the pod restarts; empty when no leader is known
 * @param leaderClusterAddress the active node's cluster address ({@code https://host:8201})
 * @param performanceStandby whether the asked node is a performance standby (Enterprise)
 * @param performanceStandbyLastRemoteWal last remote WAL index seen by a performance standby
 * @param raftCommittedIndex Raft committed index, when Vault reports it (the active node)
 * @param raftAppliedIndex Raft applied index, when Vault reports it
 */
public record LeaderStatus(
        boolean haEnabled,
        boolean isSelf,
        Optional<Instant> activeTime,
        String leaderAddress,
        String leaderClusterAddress,
        boolean performanceStandby,
        long performanceStandbyLastRemoteWal,
        OptionalLong raftCommittedIndex,
        OptionalLong raftAppliedIndex) {
    /**
     * Creates the record, validating and copying its components.
     *
     * @param haEnabled whether the storage supports high availability (true with Raft)
     * @param isSelf whether the asked node is the active node
     * @param activeTime when the active node became active; absent when Vault reports the zero time
     * @param leaderAddress the active node's {@code api_addr}; with the Helm chart it contains the pod IP and
     *        changes when the pod restarts; empty when no leader is known
     * @param leaderClusterAddress the active node's cluster address ({@code https://host:8201})
     * @param performanceStandby whether the asked node is a performance standby (Enterprise)
     * @param performanceStandbyLastRemoteWal last remote WAL index seen by a performance standby
     * @param raftCommittedIndex Raft committed index, when Vault reports it (the active node)
     * @param raftAppliedIndex Raft applied index, when Vault reports it
     */
    public LeaderStatus {
        Objects.requireNonNull(activeTime, "activeTime");
        Objects.requireNonNull(leaderAddress, "leaderAddress");
        Objects.requireNonNull(leaderClusterAddress, "leaderClusterAddress");
        Objects.requireNonNull(raftCommittedIndex, "raftCommittedIndex");
        Objects.requireNonNull(raftAppliedIndex, "raftAppliedIndex");
    }

    /**
     * Whether the node knows an active node.
     *
     * @return {@code true} when a leader address is reported
     */
    public boolean hasLeader() {
        return !leaderAddress.isEmpty();
    }
}
