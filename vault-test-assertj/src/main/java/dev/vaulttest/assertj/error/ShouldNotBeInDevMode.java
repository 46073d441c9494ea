package dev.vaulttest.assertj.error;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.vault.SealStatus;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message for a deployment that runs in dev mode (in-memory storage) or could not be asked. */
public class ShouldNotBeInDevMode extends VaultErrorMessage {

    private ShouldNotBeInDevMode(DeploymentSnapshot snapshot, String problem, List<String> hints) {
        super(NodeText.subject(snapshot), "not to run in dev mode (in-memory storage)", problem, snapshot.describe(),
                hints);
    }

    /**
     * Some nodes report in-memory storage.
     *
     * @param snapshot the deployment
     * @param offenders the nodes whose storage type starts with {@code inmem}
     * @return the message factory
     */
    public static ErrorMessageFactory shouldNotBeInDevMode(DeploymentSnapshot snapshot, List<NodeSnapshot> offenders) {
        return new ShouldNotBeInDevMode(snapshot, offenders.size() + " of " + snapshot.nodes().size()
                + (snapshot.nodes().size() == 1 ? " node reports" : " nodes report") + " in-memory storage, the dev-mode signature; storage type per node: "
                + NodeText.perNode(snapshot, n -> n.sealStatus().map(SealStatus::storageType)), List.of(Hints.DEV_MODE));
    }

    /**
     * No node answered, so the storage type is unknown.
     *
     * @param snapshot the deployment
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveAnsweredAboutStorage(DeploymentSnapshot snapshot) {
        return new ShouldNotBeInDevMode(snapshot, "no node answered, so its storage type is unknown",
                Hints.forState(snapshot));
    }
}
