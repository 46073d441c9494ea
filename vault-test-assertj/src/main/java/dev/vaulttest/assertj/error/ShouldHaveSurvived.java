package dev.vaulttest.assertj.error;

import dev.vaulttest.DeploymentSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message for canary secrets that did not survive a disruption. */
public class ShouldHaveSurvived extends VaultErrorMessage {

    private ShouldHaveSurvived(String canaries, String where, String problem, Optional<DeploymentSnapshot> snapshot,
            List<String> hints) {
        super(canaries, "to be readable, unchanged, on " + where, problem,
                snapshot.map(DeploymentSnapshot::describe).orElse(""), hints);
    }

    /**
     * Some canaries are missing or changed.
     *
     * @param canaries which canaries were written, where and when, as the canary describes itself
     * @param total how many canaries were written
     * @param where the deployment or node they were read on
     * @param node the node that answered the reads
     * @param missing the paths that were missing
     * @param changed the paths that held another value
     * @param snapshot the deployment as observed after the read, when known
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveSurvived(String canaries, int total, String where, String node,
            List<String> missing, List<String> changed, Optional<DeploymentSnapshot> snapshot) {
        StringBuilder problem = new StringBuilder("reading through ").append(node).append(", ");
        if (!missing.isEmpty()) {
            problem.append(missing.size()).append(" of ").append(total).append(" were missing ").append(missing);
        }
        if (!changed.isEmpty()) {
            problem.append(missing.isEmpty() ? "" : " and ").append(changed.size()).append(" of ")
                    .append(total).append(" held another value ").append(changed);
        }
        List<String> hints = new ArrayList<>(snapshot.map(Hints::forState).orElse(List.of()));
        if (missing.size() == total && !hints.contains(Hints.DEV_MODE)) {
            hints.add(Hints.STORAGE_LOST);
        }
        return new ShouldHaveSurvived(canaries, where, problem.toString(), snapshot, hints);
    }

    /**
     * The canaries could not be read at all.
     *
     * @param canaries which canaries were written, where and when, as the canary describes itself
     * @param where the deployment or node they were to be read on
     * @param error why the read failed
     * @param snapshot the deployment as observed after the read, when known
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveBeenReadable(String canaries, String where, String error,
            Optional<DeploymentSnapshot> snapshot) {
        return new ShouldHaveSurvived(canaries, where, "they could not be read: " + error, snapshot,
                snapshot.map(Hints::forState).orElse(List.of()));
    }
}
