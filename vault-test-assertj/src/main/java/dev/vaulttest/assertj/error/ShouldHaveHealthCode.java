package dev.vaulttest.assertj.error;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeSnapshot;
import java.util.Optional;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message for a node whose {@code sys/health} status code is not the expected one. */
public class ShouldHaveHealthCode extends VaultErrorMessage {

    private ShouldHaveHealthCode(NodeSnapshot node, String expected, Optional<DeploymentSnapshot> deployment) {
        super(NodeText.subject(node, deployment), "to answer sys/health with " + expected,
                node.health().map(h -> "it answered " + h.httpStatus() + " (" + h.state() + ")")
                        .orElseGet(() -> "it did not answer: " + NodeText.state(node)),
                NodeText.observed(node, deployment), deployment.map(Hints::forState).orElseGet(() -> Hints.forNode(node)));
    }

    /**
     * A node should answer its health endpoint with a status code.
     *
     * @param node the node
     * @param expected the expected code and its state, for example {@code 200 (ACTIVE)}
     * @param deployment the deployment it belongs to, when known
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveHealthCode(NodeSnapshot node, String expected,
            Optional<DeploymentSnapshot> deployment) {
        return new ShouldHaveHealthCode(node, expected, deployment);
    }
}
