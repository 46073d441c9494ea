package dev.vaulttest.internal.report;

import dev.vaulttest.check.Finding;
import dev.vaulttest.check.Finding.Severity;
import dev.vaulttest.internal.Redactor;
import dev.vaulttest.timing.RecoveryMeasurement;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run report in the order the writer presents it: tests sorted by class, name and then content,
 * findings sorted by severity, rule and resource, recovery groups sorted by name. Sorting makes the
 * output of the same run identical however the tests were collected, so nightly diffs are meaningful.
 */
final class ReportModel {

    private static final Comparator<Finding> FINDING_ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::rule)
            .thenComparing(Finding::resource)
            .thenComparing(Finding::message)
            .thenComparing(Finding::remediation);

    private static final Comparator<TestRecord> TEST_ORDER = Comparator.comparing(TestRecord::testClass)
            .thenComparing(TestRecord::testName)
            .thenComparing(TestRecord::status)
            .thenComparing(test -> test.failureSummary().orElse(""))
            .thenComparing(test -> test.skipReason().orElse(""))
            .thenComparing(test -> test.diagnosticsDir().map(Path::toString).orElse(""))
            .thenComparing(test -> test.recoveries().size())
            .thenComparing(test -> test.recoveries().toString())
            .thenComparing(test -> test.bringUp().toString())
            .thenComparing(test -> test.findings().toString());

    private final RunReport report;
    private final Path reportDirectory;
    private final List<TestRecord> tests;
    private final List<RecoveryGroup> groups;

    ReportModel(RunReport report, Path reportDirectory) {
        this.report = report;
        this.reportDirectory = reportDirectory.toAbsolutePath().normalize();
        this.tests = report.tests().stream().sorted(TEST_ORDER).toList();
        this.groups = RecoveryGroup.of(tests);
    }

    RunReport report() {
        return report;
    }

    List<TestRecord> tests() {
        return tests;
    }

    List<RecoveryGroup> groups() {
        return groups;
    }

    /** The findings of a test, most severe first. */
    static List<Finding> sortedFindings(TestRecord test) {
        return test.findings().stream().sorted(FINDING_ORDER).toList();
    }

    /** How many findings of each severity the run produced; every severity present, most severe first. */
    Map<Severity, Long> findingCounts() {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0L);
        }
        tests.forEach(test -> test.findings().forEach(finding -> counts.merge(finding.severity(), 1L, Long::sum)));
        return counts;
    }

    long disruptions() {
        return tests.stream().mapToLong(test -> test.recoveries().size()).sum();
    }

    long recoveriesWith(RecoveryMeasurement.Outcome outcome) {
        return tests.stream().flatMap(test -> test.recoveries().stream())
                .filter(measurement -> measurement.outcome() == outcome).count();
    }

    /**
     * The test's diagnostics directory relative to the report directory, with {@code /} separators and a
     * trailing {@code /}; the absolute path when it cannot be relative (another drive on Windows).
     */
    Optional<String> diagnosticsPath(TestRecord test) {
        return test.diagnosticsDir().map(directory -> {
            Path absolute = directory.toAbsolutePath().normalize();
            if (!sameRoot(absolute)) {
                return Redactor.redact(absolute.toString());
            }
            String path = Redactor.redact(reportDirectory.relativize(absolute).toString().replace('\\', '/'));
            if (path.isEmpty()) {
                return "./";
            }
            return path.endsWith("/") ? path : path + "/";
        });
    }

    /**
     * A link to the test's diagnostics directory: relative and percent-encoded, or a {@code file:} URI.
     * The path is redacted before it is encoded, since an encoded secret would escape redaction.
     */
    Optional<String> diagnosticsHref(TestRecord test) {
        return test.diagnosticsDir().map(directory -> {
            Path absolute = directory.toAbsolutePath().normalize();
            if (!sameRoot(absolute)) {
                return Path.of(Redactor.redact(absolute.toString())).toUri().toString();
            }
            String relative = diagnosticsPath(test).orElseThrow();
            StringBuilder href = new StringBuilder();
            for (String segment : relative.split("/")) {
                if (!segment.isEmpty()) {
                    href.append(segment.equals("..") || segment.equals(".")
                            ? segment
                            : URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20")).append('/');
                }
            }
            return href.toString();
        });
    }

    private boolean sameRoot(Path absolute) {
        return absolute.getRoot() != null && absolute.getRoot().equals(reportDirectory.getRoot());
    }
}
