package dev.vaulttest.assertj.error;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeSnapshot;
import java.util.List;
import java.util.Optional;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message for a deployment or node that should be sealed but is not (or cannot be asked). */
public class ShouldBeSealed extends VaultErrorMessage {

    private ShouldBeSealed(String subject, String expectation, String problem, String observed) {
        super(subject, expectation, problem, observed, List.of());
    }

    /**
     * Every node should be sealed; some are not, or did not answer.
     *
     * @param snapshot the deployment
     * @param offenders the nodes that are not known to be sealed
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBeSealed(DeploymentSnapshot snapshot, List<NodeSnapshot> offenders) {
        return new ShouldBeSealed(NodeText.subject(snapshot), "to be sealed on every node",
                NodeText.offenders(snapshot, offenders, "not"), snapshot.describe());
    }

    /**
     * One node should be sealed and is not, or did not answer.
     *
     * @param node the node
     * @param deployment the deployment it belongs to, when known
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBeSealed(NodeSnapshot node, Optional<DeploymentSnapshot> deployment) {
        return new ShouldBeSealed(NodeText.subject(node, deployment), "to be sealed", NodeText.state(node),
                NodeText.observed(node, deployment));
    }
}
