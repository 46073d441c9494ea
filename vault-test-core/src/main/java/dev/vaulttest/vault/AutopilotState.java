package dev.vaulttest.vault;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

    /**
     * One server in the autopilot state ({@code data.servers.<id>}).
     *
     * @param id the Raft node id
     * @param name the server name
     * @param address the cluster address
     * @param nodeStatus Serf-style node status, for example {@code alive}
     * @param lastContact time since the leader last heard from it, as Vault formats it (for example {@code 1.2s})
     * @param lastTerm the last Raft term it reported
     * @param lastIndex the last Raft index it reported
     * @param healthy whether autopilot considers it healthy
     * @param stableSince since when it has been stable, when parseable
     * @param status {@code leader}, {@code voter} or {@code non-voter}
     * @param version its Vault version
     * @param nodeType its node type, for example {@code voter}
     */
    public record AutopilotServer(
            String id,
            String name,
            String address,
            String nodeStatus,
            String lastContact,
            long lastTerm,
            long lastIndex,
            boolean healthy,
            Optional<Instant> stableSince,
            String status,
            String version,
            String nodeType) {
        /**
         * Creates the record, validating and copying its components.
         *
         * @param id the Raft node id
         * @param name the server name
         * @param address the cluster address
         * @param nodeStatus Serf-style node status, for example {@code alive}
         * @param lastContact time since the leader last heard from it, as Vault formats it (for example {@code 1.2s})
         * @param lastTerm the last Raft term it reported
         * @param lastIndex the last Raft index it reported
         * @param healthy whether autopilot considers it healthy
         * @param stableSince since when it has been stable, when parseable
         * @param status {@code leader}, {@code voter} or {@code non-voter}
         * @param version its Vault version
         * @param nodeType its node type, for example {@code voter}
         */
        public AutopilotServer {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(nodeStatus, "nodeStatus");
            Objects.requireNonNull(lastContact, "lastContact");
            Objects.requireNonNull(stableSince, "stableSince");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(nodeType, "nodeType");
        }
    }
}
