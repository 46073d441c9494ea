package dev.vaulttest.assertj.error;

import dev.vaulttest.check.Finding;
import dev.vaulttest.check.LiveDeployment;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message for workloads or pods that run images without an exact version or digest. */
public class ShouldHavePinnedImages extends VaultErrorMessage {

    private ShouldHavePinnedImages(LiveDeployment live, List<Finding> findings) {
        super(LiveText.subject(live), "to run only images pinned to an exact version or a digest",
                findings.size() + " image reference" + (findings.size() == 1 ? " was" : "s were") + " not:"
                        + LiveText.NL + findings.stream().map(f -> "  - " + f.message())
                        .collect(Collectors.joining(LiveText.NL)),
                "", findings.stream().map(Finding::remediation).distinct().toList());
    }

    /**
     * Some images are not pinned.
     *
     * @param live the release
     * @param findings the {@code UNPINNED_IMAGE} findings on its workloads and pods
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHavePinnedImages(LiveDeployment live, List<Finding> findings) {
        return new ShouldHavePinnedImages(live, findings);
    }
}
