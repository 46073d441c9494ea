package dev.vaulttest.assertj.error;

import dev.vaulttest.check.LiveDeployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message for Vault server pods that do not each have their own PersistentVolumeClaim. */
public class ShouldHaveOwnPersistentVolumeClaims extends VaultErrorMessage {

    private ShouldHaveOwnPersistentVolumeClaims(LiveDeployment live, String problem, String observed,
            List<String> hints) {
        super(LiveText.subject(live), "to give each Vault server pod its own PersistentVolumeClaim", problem, observed,
                hints);
    }

    /**
     * Some pods have no claim, or share one.
     *
     * @param live the release
     * @param claimsByPod every server pod with the claims it mounts, in pod-name order
     * @param shared claims mounted by more than one pod, with those pods
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveOwnClaims(LiveDeployment live, Map<String, List<String>> claimsByPod,
            Map<String, List<String>> shared) {
        List<String> problems = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        if (claimsByPod.isEmpty()) {
            problems.add("it has no server pods");
        }
        List<String> without = claimsByPod.entrySet().stream().filter(e -> e.getValue().isEmpty())
                .map(Map.Entry::getKey).toList();
        if (!without.isEmpty()) {
            problems.add("these pods mount no claim: " + without);
            hints.add("a data path on emptyDir or the container filesystem is lost with the pod; enable"
                    + " server.dataStorage so the StatefulSet creates a claim per pod");
        }
        shared.forEach((claim, pods) -> problems.add("claim '" + claim + "' is mounted by " + pods));
        if (!shared.isEmpty()) {
            hints.add("one claim for several replicas puts every node's data on one volume; use volumeClaimTemplates"
                    + " (server.dataStorage) so each pod gets its own");
        }
        String observed = "claims per pod:" + LiveText.NL + claimsByPod.entrySet().stream()
                .map(e -> "  " + e.getKey() + ": " + (e.getValue().isEmpty() ? "(none)" : String.join(", ", e.getValue())))
                .collect(Collectors.joining(LiveText.NL));
        return new ShouldHaveOwnPersistentVolumeClaims(live, String.join("; ", problems),
                claimsByPod.isEmpty() ? "" : observed, hints);
    }
}
