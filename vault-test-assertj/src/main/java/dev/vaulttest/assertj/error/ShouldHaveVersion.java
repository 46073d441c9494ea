package dev.vaulttest.assertj.error;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.vault.SealStatus;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message for nodes that do not run the expected Vault version. */
public class ShouldHaveVersion extends ShouldReportOnEveryNode {

    private ShouldHaveVersion(DeploymentSnapshot snapshot, String expected, List<NodeSnapshot> offenders) {
        super(snapshot, "Vault version", "'" + expected + "'", offenders,
                n -> n.sealStatus().map(SealStatus::version),
                snapshot.nodes().stream().flatMap(n -> n.sealStatus().stream()).map(SealStatus::version).distinct()
                        .count() > 1 ? List.of(Hints.MIXED_VERSIONS) : List.of());
    }

    /**
     * Every node should report this version.
     *
     * @param snapshot the deployment
     * @param expected the expected version, for example {@code 1.21.2}
     * @param offenders the nodes that report another version or did not answer
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveVersion(DeploymentSnapshot snapshot, String expected,
            List<NodeSnapshot> offenders) {
        return new ShouldHaveVersion(snapshot, expected, offenders);
    }
}
