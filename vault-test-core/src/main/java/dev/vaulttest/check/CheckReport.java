package dev.vaulttest.check;

import dev.vaulttest.check.Finding.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The findings of one check run, most severe first.
 *
 * @param findings the findings, sorted by severity, then rule id, then resource, then message
 */
public record CheckReport(List<Finding> findings) {

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::rule)
            .thenComparing(Finding::resource)
            .thenComparing(Finding::message);

    /**
     * Sorts and copies the findings so the report is immutable and its order is stable.
     *
     * @param findings the findings, in any order
     */
    public CheckReport {
        findings = Objects.requireNonNull(findings, "findings").stream().sorted(ORDER).toList();
    }

    /**
     * The findings at or above a severity.
     *
     * @param threshold the least serious severity to keep
     * @return the matching findings, most severe first
     */
    public List<Finding> atOrAbove(Severity threshold) {
        Objects.requireNonNull(threshold, "threshold");
        return findings.stream().filter(f -> f.severity().isAtLeast(threshold)).toList();
    }

    /**
     * Tells whether any finding is at or above a severity.
     *
     * @param threshold the least serious severity that counts
     * @return {@code true} when at least one finding is that serious
     */
    public boolean hasFindingAtOrAbove(Severity threshold) {
        return !atOrAbove(threshold).isEmpty();
    }

    /**
     * The findings of one rule.
     *
     * @param rule a rule id such as {@code DEV_MODE}
     * @return the findings of that rule, possibly none
     */
    public List<Finding> withRule(String rule) {
        Objects.requireNonNull(rule, "rule");
        return findings.stream().filter(f -> f.rule().equals(rule)).toList();
    }
}
