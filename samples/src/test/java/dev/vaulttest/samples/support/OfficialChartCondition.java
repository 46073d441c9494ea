package dev.vaulttest.samples.support;

import dev.vaulttest.chart.ChartCache;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Enables tests when the official chart is available (see {@link OfficialChart#check(ChartCache)}), computing that
 * once per run in the root store, keyed by the cache directory.
 */
public final class OfficialChartCondition implements ExecutionCondition {

    /**
     * The JUnit configuration parameter (or system property) that turns a missing chart into a failure:
     * {@code true} for CI jobs that must run the static samples.
     */
    public static final String REQUIRED_PROPERTY = "vaulttest.samples.chart.required";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(OfficialChartCondition.class);

    /** Created by JUnit. */
    public OfficialChartCondition() {
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ChartCache cache = ChartCache.atDefaultLocation();
        OfficialChart.Availability availability = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(cache.root(), root -> OfficialChart.check(cache),
                        OfficialChart.Availability.class);
        if (availability.available()) {
            return ConditionEvaluationResult.enabled(availability.reason());
        }
        boolean required = context.getConfigurationParameter(REQUIRED_PROPERTY).map(Boolean::parseBoolean)
                .orElse(false);
        if (required) {
            throw new IllegalStateException(availability.reason() + " (" + REQUIRED_PROPERTY
                    + "=true asks to fail rather than skip.)");
        }
        return ConditionEvaluationResult.disabled(availability.reason());
    }
}
