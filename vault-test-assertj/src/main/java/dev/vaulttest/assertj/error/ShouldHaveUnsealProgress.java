package dev.vaulttest.assertj.error;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeSnapshot;
import java.util.List;
import java.util.Optional;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message for a node whose unseal progress is not the expected one. */
public class ShouldHaveUnsealProgress extends VaultErrorMessage {

    private ShouldHaveUnsealProgress(NodeSnapshot node, String expected, Optional<DeploymentSnapshot> deployment) {
        super(NodeText.subject(node, deployment), "to have unseal progress " + expected,
                node.sealStatus().map(s -> "its unseal progress was " + s.progress() + "/" + s.threshold()
                        + (s.sealed() ? "" : " and it is unsealed")).orElseGet(() -> NodeText.state(node)),
                NodeText.observed(node, deployment), List.of());
    }

    /**
     * A node should have submitted this many of the needed key shares.
     *
     * @param node the node
     * @param expected the expected progress, as {@code progress/threshold} or {@code progress}
     * @param deployment the deployment it belongs to, when known
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveUnsealProgress(NodeSnapshot node, String expected,
            Optional<DeploymentSnapshot> deployment) {
        return new ShouldHaveUnsealProgress(node, expected, deployment);
    }
}
