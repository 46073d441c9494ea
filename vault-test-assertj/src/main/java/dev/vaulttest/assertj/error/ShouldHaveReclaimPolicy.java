package dev.vaulttest.assertj.error;

import dev.vaulttest.check.LiveDeployment;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message for Vault's volumes whose reclaim policy is not the expected one. */
public class ShouldHaveReclaimPolicy extends VaultErrorMessage {

    private ShouldHaveReclaimPolicy(LiveDeployment live, String expected, List<String> offenders,
            List<String> perClaim, boolean deletes) {
        super(LiveText.subject(live), "to keep the volumes of its server pods with reclaimPolicy " + expected,
                perClaim.isEmpty() ? "its server pods mount no claim"
                        : offenders.size() + " of " + perClaim.size() + " claims did not: " + offenders,
                perClaim.isEmpty() ? "" : "reclaim policy per claim:" + LiveText.NL + perClaim.stream()
                        .map(line -> "  " + line).collect(Collectors.joining(LiveText.NL)),
                deletes ? List.of("with reclaimPolicy Delete, deleting a claim (or the namespace) deletes the data;"
                        + " use a StorageClass with reclaimPolicy: Retain, or patch the PersistentVolumes") : List.of());
    }

    /**
     * Some claims are (or will be) backed by volumes with another reclaim policy, or the policy is unknown.
     *
     * @param live the release
     * @param expected the expected policy, {@code Retain} or {@code Delete}
     * @param offenders the claims whose policy differs or is unknown
     * @param perClaim one line per claim: name, where the policy comes from, the policy
     * @param deletes whether some offender's policy is {@code Delete}
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveReclaimPolicy(LiveDeployment live, String expected,
            List<String> offenders, List<String> perClaim, boolean deletes) {
        return new ShouldHaveReclaimPolicy(live, expected, offenders, perClaim, deletes);
    }
}
