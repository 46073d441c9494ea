package dev.vaulttest.assertj.error;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeSnapshot;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message for a deployment whose nodes should all be initialised. */
public class ShouldBeInitialized extends VaultErrorMessage {

    private ShouldBeInitialized(DeploymentSnapshot snapshot, List<NodeSnapshot> offenders) {
        super(NodeText.subject(snapshot), "to be initialised on every node",
                NodeText.offenders(snapshot, offenders, "not known to be"), snapshot.describe(),
                Hints.forState(snapshot));
    }

    /**
     * Every node should report itself initialised; some do not, or did not answer.
     *
     * @param snapshot the deployment
     * @param offenders the nodes that are not known to be initialised
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBeInitialized(DeploymentSnapshot snapshot, List<NodeSnapshot> offenders) {
        return new ShouldBeInitialized(snapshot, offenders);
    }
}
