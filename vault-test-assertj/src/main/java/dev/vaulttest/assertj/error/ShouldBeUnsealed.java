package dev.vaulttest.assertj.error;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeSnapshot;
import java.util.List;
import java.util.Optional;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message for a deployment or node that should be unsealed but is not. */
public class ShouldBeUnsealed extends VaultErrorMessage {

    private ShouldBeUnsealed(String subject, String problem, String observed, List<String> hints, String expectation) {
        super(subject, expectation, problem, observed, hints);
    }

    /**
     * Every node should be unsealed; some are not (or are missing).
     *
     * @param snapshot the deployment
     * @param offenders the nodes that are not unsealed
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBeUnsealed(DeploymentSnapshot snapshot, List<NodeSnapshot> offenders) {
        return new ShouldBeUnsealed(NodeText.subject(snapshot), NodeText.offenders(snapshot, offenders, "not"),
                snapshot.describe(), Hints.forState(snapshot), "to be unsealed on every node");
    }

    /**
     * One node should be unsealed and is not.
     *
     * @param node the node
     * @param deployment the deployment it belongs to, when known, to show every node
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBeUnsealed(NodeSnapshot node, Optional<DeploymentSnapshot> deployment) {
        return new ShouldBeUnsealed(NodeText.subject(node, deployment), NodeText.state(node),
                NodeText.observed(node, deployment),
                deployment.map(Hints::forState).orElseGet(() -> Hints.forNode(node)), "to be unsealed");
    }
}
