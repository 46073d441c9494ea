package dev.vaulttest.assertj.error;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeRole;
import dev.vaulttest.NodeSnapshot;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message for a deployment without exactly one active node, or with the wrong one. */
public class ShouldHaveExactlyOneActiveNode extends VaultErrorMessage {

    private ShouldHaveExactlyOneActiveNode(DeploymentSnapshot snapshot, String expectation, String problem) {
        super(NodeText.subject(snapshot), expectation, problem, snapshot.describe(), Hints.forState(snapshot));
    }

    /**
     * Exactly one node should be active.
     *
     * @param snapshot the deployment
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveExactlyOneActiveNode(DeploymentSnapshot snapshot) {
        return new ShouldHaveExactlyOneActiveNode(snapshot, "to have exactly one active node", activeNodes(snapshot));
    }

    /**
     * A given node should be the single active node.
     *
     * @param snapshot the deployment
     * @param expected the node that should be active
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveActiveNode(DeploymentSnapshot snapshot, String expected) {
        return new ShouldHaveExactlyOneActiveNode(snapshot, "to have " + expected + " as its single active node",
                activeNodes(snapshot));
    }

    /**
     * Exactly one node should be active, and not the given one (a new leader after the old one was disrupted).
     *
     * @param snapshot the deployment
     * @param formerLeader the node that must not be the leader
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveLeaderOtherThan(DeploymentSnapshot snapshot, String formerLeader) {
        return new ShouldHaveExactlyOneActiveNode(snapshot,
                "to have exactly one active node, other than " + formerLeader, activeNodes(snapshot));
    }

    static String activeNodes(DeploymentSnapshot snapshot) {
        List<NodeSnapshot> active = snapshot.nodesIn(NodeRole.ACTIVE);
        if (active.isEmpty()) {
            return "no node was active";
        }
        if (active.size() == 1) {
            return "the active node was " + active.get(0).name();
        }
        return active.size() + " nodes were active: " + active.stream().map(NodeSnapshot::name).toList();
    }
}
