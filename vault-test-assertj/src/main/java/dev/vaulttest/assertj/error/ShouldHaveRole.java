package dev.vaulttest.assertj.error;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeRole;
import dev.vaulttest.NodeSnapshot;
import java.util.Optional;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message for a node in another role than expected. */
public class ShouldHaveRole extends VaultErrorMessage {

    private ShouldHaveRole(NodeSnapshot node, NodeRole expected, Optional<DeploymentSnapshot> deployment) {
        super(NodeText.subject(node, deployment), "to be " + expected, NodeText.state(node),
                NodeText.observed(node, deployment), deployment.map(Hints::forState).orElseGet(() -> Hints.forNode(node)));
    }

    /**
     * A node should be in a role.
     *
     * @param node the node
     * @param expected the expected role
     * @param deployment the deployment it belongs to, when known
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveRole(NodeSnapshot node, NodeRole expected,
            Optional<DeploymentSnapshot> deployment) {
        return new ShouldHaveRole(node, expected, deployment);
    }
}
