package dev.vaulttest.internal.report;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a {@link ReportWriter} put a report.
 *
 * @param directory the report directory
 * @param summaryJson the machine-readable summary, {@code directory/summary.json}
 * @param indexHtml the page for people, {@code directory/index.html}
 */
public record WrittenReport(Path directory, Path summaryJson, Path indexHtml) {

    /**
     * Validates that every path is present.
     *
     * @param directory the report directory
     * @param summaryJson the summary file
     * @param indexHtml the page
     */
    public WrittenReport {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(summaryJson, "summaryJson");
        Objects.requireNonNull(indexHtml, "indexHtml");
    }
}
