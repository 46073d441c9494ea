package dev.vaulttest.assertj.error;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.vault.SealStatus;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message for nodes whose seal is not the expected one. */
public class ShouldHaveSealType extends ShouldReportOnEveryNode {

    private ShouldHaveSealType(DeploymentSnapshot snapshot, String what, String expected, List<NodeSnapshot> offenders,
            Function<NodeSnapshot, Optional<String>> value, List<String> hints) {
        super(snapshot, what, expected, offenders, value, hints);
    }

    /**
     * Every node should report this seal type.
     *
     * @param snapshot the deployment
     * @param expected the expected seal type, for example {@code awskms}
     * @param offenders the nodes that report another type or did not answer
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveSealType(DeploymentSnapshot snapshot, String expected,
            List<NodeSnapshot> offenders) {
        return new ShouldHaveSealType(snapshot, "seal type", "'" + expected + "'", offenders,
                n -> n.sealStatus().map(SealStatus::type), Hints.forState(snapshot));
    }

    /**
     * Every node should unseal itself (an auto-unseal seal with recovery keys).
     *
     * @param snapshot the deployment
     * @param offenders the nodes that use Shamir keys or did not answer
     * @return the message factory
     */
    public static ErrorMessageFactory shouldUseAutoUnseal(DeploymentSnapshot snapshot, List<NodeSnapshot> offenders) {
        return new ShouldHaveSealType(snapshot, "seal", "an auto-unseal seal (recovery keys)", offenders,
                n -> n.sealStatus().map(s -> s.type() + (s.isAutoUnseal() ? " (auto-unseal)" : " (unseal keys)")),
                List.of(Hints.SHAMIR));
    }
}
