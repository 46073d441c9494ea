package dev.vaulttest.vault;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Raft autopilot's view of the cluster, from {@code GET /v1/sys/storage/raft/autopilot/state}.
 *
 * @param healthy whether autopilot considers the whole cluster healthy
 * @param failureTolerance how many voters can fail without losing quorum
 * @param optimisticFailureTolerance the optimistic failure tolerance, when reported
 * @param leader the leader's node id
 * @param voters node ids of the voters
 * @param nonVoters node ids of the non-voters, empty when Vault omits the list
 * @param servers every server by node id, sorted by id
 */
public record AutopilotState(
        boolean healthy,
        int failureTolerance,
        OptionalInt optimisticFailureTolerance,
        String leader,
        List<String> voters,
        List<String> nonVoters,
        Map<String, AutopilotServer> servers) {
    /**
     * Creates the record, validating and copying its components.
     *
     * @param healthy whether autopilot considers the whole cluster healthy
     * @param failureTolerance how many voters can fail without losing quorum
     * @param optimisticFailureTolerance the optimistic failure tolerance, when reported
     * @param leader the leader's node id
     * @param voters node ids of the voters
     * @param nonVoters node ids of the non-voters, empty when Vault omits the list
     * @param servers every server by node id, sorted by id
     */
    public AutopilotState {
        Objects.requireNonNull(optimisticFailureTolerance, "optimisticFailureTolerance");
        Objects.requireNonNull(leader, "leader");
        voters = List.copyOf(voters);
        nonVoters = List.copyOf(nonVoters);
        servers = Collections.unmodifiableMap(new TreeMap<>(servers));
    }
}
