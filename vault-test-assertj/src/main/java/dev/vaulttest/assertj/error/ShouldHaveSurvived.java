package dev.vaulttest.assertj.error;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.assertj.SecretCanary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message for canary secrets that did not survive a disruption. */
public class ShouldHaveSurvived extends VaultErrorMessage {

    private ShouldHaveSurvived(SecretCanary canary, String where, String problem, Optional<DeploymentSnapshot> snapshot,
            List<String> hints) {
        super("the " + canary.paths().size() + " canary secrets under " + canary.mount() + "/" + canary.prefix()
                        + " written on " + canary.writtenOn() + " at " + canary.writtenAt(),
                "to be readable, unchanged, on " + where, problem,
                snapshot.map(DeploymentSnapshot::describe).orElse(""), hints);
    }

    /**
     * Some canaries are missing or changed.
     *
     * @param canary the canary
     * @param where the deployment or node they were read on
     * @param check what the read found
     * @param snapshot the deployment as observed after the read, when known
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveSurvived(SecretCanary canary, String where, SecretCanary.Check check,
            Optional<DeploymentSnapshot> snapshot) {
        int total = canary.paths().size();
        StringBuilder problem = new StringBuilder("reading through ").append(check.node()).append(", ");
        if (!check.missing().isEmpty()) {
            problem.append(check.missing().size()).append(" of ").append(total).append(" were missing ")
                    .append(check.missing());
        }
        if (!check.changed().isEmpty()) {
            problem.append(check.missing().isEmpty() ? "" : " and ").append(check.changed().size()).append(" of ")
                    .append(total).append(" held another value ").append(check.changed());
        }
        List<String> hints = new ArrayList<>(snapshot.map(Hints::forState).orElse(List.of()));
        if (check.missing().size() == total && !hints.contains(Hints.DEV_MODE)) {
            hints.add(Hints.STORAGE_LOST);
        }
        return new ShouldHaveSurvived(canary, where, problem.toString(), snapshot, hints);
    }

    /**
     * The canaries could not be read at all.
     *
     * @param canary the canary
     * @param where the deployment or node they were to be read on
     * @param error why the read failed
     * @param snapshot the deployment as observed after the read, when known
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveBeenReadable(SecretCanary canary, String where, String error,
            Optional<DeploymentSnapshot> snapshot) {
        return new ShouldHaveSurvived(canary, where, "they could not be read: " + error, snapshot,
                snapshot.map(Hints::forState).orElse(List.of()));
    }
}
