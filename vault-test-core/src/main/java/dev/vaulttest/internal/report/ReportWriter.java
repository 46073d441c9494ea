package dev.vaulttest.internal.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * Writes a {@link RunReport} as {@code summary.json} and {@code index.html} into a directory, by default
 * {@code target/vault-test-reports/} (the directory the JUnit extension also writes each failed test's
 * diagnostics under, as {@code <class>/<test>/}).
 *
 * <p>The output is deterministic: the same report gives byte-identical files, whatever order the tests
 * were collected in (tests are sorted by class, then name; findings by severity, rule, resource; failure
 * modes by disruption, then condition), so the files of two nightly runs can be diffed. Every text field
 * is redacted before it is written. Files are written to a temporary name and moved into place, so a
 * reader never sees half a file.
 *
 * <h2>{@code summary.json} (schema version 1)</h2>
 * Field names are stable; new fields may be added without changing {@code schemaVersion}. Instants are
 * ISO-8601 UTC strings ({@code 2025-06-01T02:00:00.125Z}). Every duration appears twice: as an ISO-8601
 * duration ({@code "PT12.5S"}) and as whole milliseconds in a sibling field named with the suffix
 * {@code Millis} ({@code 12500}). Absent values are {@code null}, never missing.
 * <pre>{@code
 * {
 *   "schemaVersion": 1,
 *   "startedAt": "...", "finishedAt": "...", "duration": "PT...", "durationMillis": 0,
 *   "environment": "text, one environment per line, may be empty",
 *   "totals": {
 *     "tests": 0, "passed": 0, "failed": 0, "skipped": 0, "aborted": 0, "disruptions": 0,
 *     "outcomes": { "RECOVERED": 0, "STAYED_BROKEN_AS_EXPECTED": 0, "DID_NOT_RECOVER": 0, "FAULT_NOT_EFFECTIVE": 0 },
 *     "findings": { "ERROR": 0, "WARNING": 0, "INFO": 0 }
 *   },
 *   "recoveryByFailureMode": [ {            // one per (disruption, condition), sorted by both
 *     "disruption": "delete-pod", "condition": "ready gate",
 *     "measurements": 3, "recovered": 2, "stayedBrokenAsExpected": 0, "problems": 1,
 *     "min": "PT..." | null, "minMillis": 0 | null,      // over RECOVERED measurements only
 *     "median": ..., "medianMillis": ..., "max": ..., "maxMillis": ...
 *   } ],
 *   "tests": [ {                            // sorted by testClass, then testName
 *     "testClass": "...", "testName": "...", "status": "PASSED|FAILED|SKIPPED|ABORTED",
 *     "failureSummary": "..." | null, "skipReason": "..." | null,
 *     "diagnosticsDir": "relative/to/report/dir/" | null,
 *     "bringUp": { "total": "PT...", "totalMillis": 0,
 *                  "phases": [ { "phase": "install", "start": "...", "duration": "PT...", "durationMillis": 0 } ] },
 *     "recoveries": [ {                     // in the order the test applied them
 *       "disruption": "...", "target": "...", "appliedAt": "...", "healedAt": "..." | null,
 *       "condition": "...", "outcome": "RECOVERED|STAYED_BROKEN_AS_EXPECTED|DID_NOT_RECOVER|FAULT_NOT_EFFECTIVE",
 *       "recoveredAfter": "PT..." | null, "recoveredAfterMillis": 0 | null, "detail": "..."
 *     } ],
 *     "findings": [ { "rule": "...", "severity": "ERROR|WARNING|INFO", "resource": "...",
 *                     "message": "...", "remediation": "..." } ]
 *   } ]
 * }
 * }</pre>
 *
 * <h2>{@code index.html}</h2>
 * One self-contained page (inline CSS, inline SVG, no scripts, no external assets): the run header and
 * totals, a chart of recovery times per failure mode, an overview table, and per test its disruptions and
 * recoveries, bring-up phases, findings with severity badges and a relative link to its diagnostics.
 */
public final class ReportWriter {

    /** The default report directory, relative to the working directory (the Maven module). */
    public static final Path DEFAULT_DIRECTORY = Path.of("target", "vault-test-reports");

    /** The name of the machine-readable summary in the report directory. */
    public static final String SUMMARY_JSON = "summary.json";

    /** The name of the page in the report directory. */
    public static final String INDEX_HTML = "index.html";

    private final Path directory;

    /**
     * Creates a writer for a directory; it is created when the report is written.
     *
     * @param directory the report directory
     */
    public ReportWriter(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * Creates a writer for {@link #DEFAULT_DIRECTORY}.
     *
     * @return the writer
     */
    public static ReportWriter toDefaultDirectory() {
        return new ReportWriter(DEFAULT_DIRECTORY);
    }

    /**
     * Returns the directory this writer writes into.
     *
     * @return the report directory
     */
    public Path directory() {
        return directory;
    }

    /**
     * Writes {@code summary.json} and {@code index.html}, replacing earlier files of the same name. Other
     * files in the directory, such as diagnostics, are left alone.
     *
     * @param report the run report
     * @return where the files are
     * @throws ReportWriteException when the directory or a file cannot be written
     */
    public WrittenReport write(RunReport report) {
        Objects.requireNonNull(report, "report");
        ReportModel model = new ReportModel(report, directory);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new ReportWriteException("Cannot create the report directory " + directory.toAbsolutePath()
                    + ": " + e + ". Check that the path is writable or choose another reports directory.", e);
        }
        Path summary = directory.resolve(SUMMARY_JSON);
        Path index = directory.resolve(INDEX_HTML);
        writeAtomically(summary, new SummaryJson().render(model));
        writeAtomically(index, new HtmlPage().render(model));
        return new WrittenReport(directory, summary, index);
    }

    private static void writeAtomically(Path target, String content) {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ReportWriteException("Cannot write the report file " + target.toAbsolutePath() + ": " + e
                    + ". Check that the directory is writable and has space.", e);
        }
    }
}
