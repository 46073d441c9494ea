package dev.vaulttest.assertj.error;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.vault.RaftConfiguration;
import dev.vaulttest.vault.RaftConfiguration.RaftServer;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message for a raft membership that is not the expected one (voters or non-voters). */
public class ShouldHaveRaftMembers extends VaultErrorMessage {

    private ShouldHaveRaftMembers(DeploymentSnapshot snapshot, String expectation, String problem) {
        super(NodeText.subject(snapshot), expectation, problem, snapshot.describe(), Hints.forState(snapshot));
    }

    /**
     * The snapshot has no raft configuration to check.
     *
     * @param snapshot the deployment
     * @param expectation what was expected of the members, for example {@code to have 3 raft voters}
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveRaftConfiguration(DeploymentSnapshot snapshot, String expectation) {
        return new ShouldHaveRaftMembers(snapshot, expectation, "the snapshot has no raft configuration (it is read"
                + " from the active node: there was none, or the storage is not raft)");
    }

    /**
     * The number of voters or non-voters differs.
     *
     * @param snapshot the deployment
     * @param kind {@code voters} or {@code non-voters}
     * @param expected the expected count
     * @param actual the members of that kind
     * @param raft the whole configuration, listed in the message
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveMemberCount(DeploymentSnapshot snapshot, String kind, int expected,
            List<RaftServer> actual, RaftConfiguration raft) {
        return new ShouldHaveRaftMembers(snapshot, "to have " + expected + " raft " + kind,
                "it had " + actual.size() + ": " + ids(actual) + "; raft members: " + members(raft));
    }

    /**
     * The voters or non-voters are not exactly the expected node ids.
     *
     * @param snapshot the deployment
     * @param kind {@code voters} or {@code non-voters}
     * @param expected the expected node ids
     * @param missing expected ids that are not members of that kind
     * @param unexpected members of that kind that were not expected
     * @param raft the whole configuration, listed in the message
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveMembers(DeploymentSnapshot snapshot, String kind,
            Collection<String> expected, Collection<String> missing, Collection<String> unexpected,
            RaftConfiguration raft) {
        StringBuilder problem = new StringBuilder();
        if (!missing.isEmpty()) {
            problem.append("these were not raft ").append(kind).append(": ").append(missing);
        }
        if (!unexpected.isEmpty()) {
            problem.append(problem.length() == 0 ? "" : ", and ").append("these raft ").append(kind)
                    .append(" were not expected: ").append(unexpected);
        }
        problem.append("; raft members: ").append(members(raft));
        return new ShouldHaveRaftMembers(snapshot, "to have exactly the raft " + kind + " " + expected,
                problem.toString());
    }

    private static String ids(List<RaftServer> servers) {
        return servers.stream().map(RaftServer::nodeId).toList().toString();
    }

    static String members(RaftConfiguration raft) {
        if (raft.servers().isEmpty()) {
            return "(none)";
        }
        return raft.servers().stream()
                .map(s -> s.nodeId() + " (" + (s.leader() ? "leader, " : "") + (s.voter() ? "voter" : "non-voter") + ")")
                .collect(Collectors.joining(", "));
    }
}
