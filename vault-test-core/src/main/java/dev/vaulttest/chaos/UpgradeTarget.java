package dev.vaulttest.chaos;

import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.chart.ChartValues;
import java.util.Objects;
import java.util.Optional;

/**
 * What a chart upgrade moves the release to: another chart (version), other values, or both. What is empty stays
 * as installed.
 *
 * @param chart the chart to upgrade to; empty to keep the installed chart
 * @param values the values to upgrade with; empty to keep the installed values
 */
public record UpgradeTarget(Optional<ChartSource> chart, Optional<ChartValues> values) {

    /**
     * Validates that something changes.
     *
     * @param chart the chart, or empty
     * @param values the values, or empty
     */
    public UpgradeTarget {
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(values, "values");
        if (chart.isEmpty() && values.isEmpty()) {
            throw new IllegalArgumentException("An upgrade target needs a chart, values, or both; both were empty");
        }
    }

    /**
     * An upgrade to another chart with the installed values.
     *
     * @param chart the chart, for example {@code ChartSource.official("0.34.1")}
     * @return the target
     */
    public static UpgradeTarget chart(ChartSource chart) {
        return new UpgradeTarget(Optional.of(chart), Optional.empty());
    }

    /**
     * An upgrade of the installed chart to other values.
     *
     * @param values the values
     * @return the target
     */
    public static UpgradeTarget values(ChartValues values) {
        return new UpgradeTarget(Optional.empty(), Optional.of(values));
    }

    /**
     * An upgrade to another chart and other values.
     *
     * @param chart the chart
     * @param values the values
     * @return the target
     */
    public static UpgradeTarget of(ChartSource chart, ChartValues values) {
        return new UpgradeTarget(Optional.of(chart), Optional.of(values));
    }

    /**
     * A short description for messages.
     *
     * @return for example {@code chart vault 0.34.1 with new values}
     */
    public String describe() {
        return chart.map(c -> "chart " + c.describe()).orElse("the installed chart")
                + values.map(v -> " with new values").orElse(" with the installed values");
    }
}
