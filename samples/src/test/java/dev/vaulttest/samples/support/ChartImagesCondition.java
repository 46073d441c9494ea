package dev.vaulttest.samples.support;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Enables tests only while the chart's own Vault images are used: the JUnit extension sets every deployment's image
 * from {@value #VAULT_IMAGE} (a configuration parameter or system property) when it is given.
 */
public final class ChartImagesCondition implements ExecutionCondition {

    /** The setting that replaces the chart's Vault images (the extension's {@code VaultTestSettings.VAULT_IMAGE}). */
    static final String VAULT_IMAGE = "vaulttest.vault.image";

    /** Created by JUnit. */
    public ChartImagesCondition() {
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return evaluate(context.getConfigurationParameter(VAULT_IMAGE));
    }

    static ConditionEvaluationResult evaluate(Optional<String> image) {
        return image.filter(value -> !value.isBlank())
                .map(value -> ConditionEvaluationResult.disabled(VAULT_IMAGE + "=" + value + " replaces the chart's"
                        + " own Vault images, and this test asserts those images (an upgrade from one chart release's"
                        + " image to the next); run it without " + VAULT_IMAGE + " where the chart's images can be"
                        + " pulled"))
                .orElseGet(() -> ConditionEvaluationResult.enabled("the chart's own Vault images are used"));
    }
}
