package dev.vaulttest.assertj.error;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.vault.SealStatus;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message for nodes whose storage backend is not the expected one. */
public class ShouldHaveStorageType extends ShouldReportOnEveryNode {

    private ShouldHaveStorageType(DeploymentSnapshot snapshot, String expected, List<NodeSnapshot> offenders) {
        super(snapshot, "storage type", "'" + expected + "'", offenders,
                n -> n.sealStatus().map(SealStatus::storageType),
                Hints.isDevMode(snapshot) ? List.of(Hints.DEV_MODE) : List.of());
    }

    /**
     * Every node should report this storage type.
     *
     * @param snapshot the deployment
     * @param expected the expected storage type, for example {@code raft}
     * @param offenders the nodes that report another type or did not answer
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveStorageType(DeploymentSnapshot snapshot, String expected,
            List<NodeSnapshot> offenders) {
        return new ShouldHaveStorageType(snapshot, expected, offenders);
    }
}
