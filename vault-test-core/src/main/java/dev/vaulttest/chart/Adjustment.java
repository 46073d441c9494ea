package dev.vaulttest.chart;

import java.util.Objects;

/**
 * One thing the library added or changed so the team's values run on the test cluster; every adjustment is
 * logged and shown in the report next to the effective values.
 *
 * @param valuePath the values path it concerns, for example {@code server.affinity}
 * @param reason what was done and why, in one sentence
 */
public record Adjustment(String valuePath, String reason) {

    /**
     * Validates.
     *
     * @param valuePath the values path it concerns, for example {@code server.affinity}
     * @param reason what was done and why, in one sentence
     */
    public Adjustment {
        Objects.requireNonNull(valuePath, "valuePath");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return valuePath + ": " + reason;
    }
}
