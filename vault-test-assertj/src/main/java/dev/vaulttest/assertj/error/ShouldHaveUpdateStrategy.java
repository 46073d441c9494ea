package dev.vaulttest.assertj.error;

import dev.vaulttest.check.LiveDeployment;
import java.util.List;
import java.util.Map;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message for a Vault server StatefulSet with another update strategy than expected. */
public class ShouldHaveUpdateStrategy extends VaultErrorMessage {

    private ShouldHaveUpdateStrategy(LiveDeployment live, String expected, Map<String, String> strategies) {
        super(LiveText.subject(live), "to update its server StatefulSet with strategy " + expected,
                strategies.isEmpty() ? "it has no Vault server StatefulSet"
                        : "the update strategy per StatefulSet was " + strategies, "",
                expected.equals("OnDelete") ? List.of("with RollingUpdate Kubernetes restarts pods in reverse ordinal"
                        + " order on every template change, whichever is active, and Shamir-sealed pods never become"
                        + " ready; the official chart uses OnDelete") : List.of("with OnDelete 'helm upgrade' restarts"
                        + " no pod: delete the standbys first and the active node last"));
    }

    /**
     * A server StatefulSet uses another strategy.
     *
     * @param live the release
     * @param expected {@code OnDelete} or {@code RollingUpdate}
     * @param strategies the strategy of every server StatefulSet, by name
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveUpdateStrategy(LiveDeployment live, String expected,
            Map<String, String> strategies) {
        return new ShouldHaveUpdateStrategy(live, expected, strategies);
    }
}
