package dev.vaulttest.chart;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One revision of a Helm release, as {@code helm history} lists it.
 *
 * @param revision the revision number, from 1
 * @param updated when the revision was deployed, when Helm reports it
 * @param status Helm's status, for example {@code deployed}, {@code superseded} or {@code failed}
 * @param chart the chart and version, for example {@code vault-0.34.1}
 * @param appVersion the chart's app version
 * @param description Helm's description, for example {@code Install complete}
 */
public record ReleaseRevision(int revision, Optional<Instant> updated, String status, String chart,
        String appVersion, String description) {

    /**
     * Requires every component.
     *
     * @param revision the revision number, from 1
     * @param updated when the revision was deployed, when Helm reports it
     * @param status Helm's status
     * @param chart the chart and version
     * @param appVersion the chart's app version
     * @param description Helm's description
     */
    public ReleaseRevision {
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(appVersion, "appVersion");
        Objects.requireNonNull(description, "description");
    }

    /**
     * One line for diagnostics: {@code 2  2026-08-20T10:00:00Z  deployed  vault-0.34.1  2.0.4  Upgrade complete}.
     *
     * @return the line
     */
    public String describe() {
        return revision + "  " + updated.map(Instant::toString).orElse("-") + "  " + status + "  " + chart + "  "
                + appVersion + "  " + description;
    }
}
