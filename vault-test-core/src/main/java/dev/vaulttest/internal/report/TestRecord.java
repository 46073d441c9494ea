package dev.vaulttest.internal.report;

import dev.vaulttest.check.Finding;
import dev.vaulttest.internal.Redactor;
import dev.vaulttest.timing.PhaseTimeline;
import dev.vaulttest.timing.RecoveryMeasurement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the report says about one test: its result, the disruptions it applied and how the deployment
 * recovered, the bring-up it caused, the static findings it produced, and where its diagnostics are.
 *
 * <p>Free text ({@code failureSummary}, {@code skipReason}) is redacted on construction. Build one with
 * {@link #builder(String, String)}.
 *
 * @param testClass the test class, fully qualified
 * @param testName the test's display name
 * @param status how the test ended
 * @param failureSummary a short description of the failure (first line of the exception), if it failed
 * @param recoveries the disruptions applied, in the order they were applied
 * @param bringUp the phase timings of the environment this test brought up; empty when it reused one
 * @param findings static or live readiness findings reported by the test
 * @param diagnosticsDir where the diagnostics of a failure were written, usually
 *     {@code target/vault-test-reports/<class>/<test>/}
 * @param skipReason why the test was skipped or aborted, for example "Docker is not available: ..."
 */
public record TestRecord(
        String testClass,
        String testName,
        Status status,
        Optional<String> failureSummary,
        List<RecoveryMeasurement> recoveries,
        PhaseTimeline bringUp,
        List<Finding> findings,
        Optional<Path> diagnosticsDir,
        Optional<String> skipReason) {

    /** How a test ended, in JUnit's terms. */
    public enum Status {
        /** The test passed. */
        PASSED,
        /** An assertion or an error failed the test. */
        FAILED,
        /** The test was disabled, for example because Docker is not available. */
        SKIPPED,
        /** An assumption did not hold, so the test stopped without a verdict. */
        ABORTED
    }

    /**
     * Validates the components, copies the lists and redacts the free text.
     *
     * @param testClass the test class
     * @param testName the test's display name
     * @param status how the test ended
     * @param failureSummary a short description of the failure; redacted
     * @param recoveries the disruptions applied
     * @param bringUp the bring-up phase timings
     * @param findings the readiness findings
     * @param diagnosticsDir where the failure diagnostics were written
     * @param skipReason why the test was skipped or aborted; redacted
     */
    public TestRecord {
        Objects.requireNonNull(testClass, "testClass");
        Objects.requireNonNull(testName, "testName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failureSummary, "failureSummary");
        Objects.requireNonNull(bringUp, "bringUp");
        Objects.requireNonNull(diagnosticsDir, "diagnosticsDir");
        Objects.requireNonNull(skipReason, "skipReason");
        recoveries = List.copyOf(Objects.requireNonNull(recoveries, "recoveries"));
        findings = List.copyOf(Objects.requireNonNull(findings, "findings"));
        failureSummary = failureSummary.map(Redactor::redact);
        skipReason = skipReason.map(Redactor::redact);
    }

    /**
     * Starts a record of a test; the status defaults to {@link Status#PASSED}.
     *
     * @param testClass the test class, fully qualified
     * @param testName the test's display name
     * @return a builder
     */
    public static Builder builder(String testClass, String testName) {
        return new Builder(testClass, testName);
    }

    /** Builds a {@link TestRecord}; not thread-safe. */
    public static final class Builder {

        private final String testClass;
        private final String testName;
        private Status status = Status.PASSED;
        private String failureSummary;
        private final List<RecoveryMeasurement> recoveries = new ArrayList<>();
        private PhaseTimeline bringUp = PhaseTimeline.empty();
        private final List<Finding> findings = new ArrayList<>();
        private Path diagnosticsDir;
        private String skipReason;

        private Builder(String testClass, String testName) {
            this.testClass = Objects.requireNonNull(testClass, "testClass");
            this.testName = Objects.requireNonNull(testName, "testName");
        }

        /**
         * Marks the test as passed.
         *
         * @return this builder
         */
        public Builder passed() {
            this.status = Status.PASSED;
            return this;
        }

        /**
         * Marks the test as failed.
         *
         * @param summary a short description of the failure; redacted
         * @return this builder
         */
        public Builder failed(String summary) {
            this.status = Status.FAILED;
            this.failureSummary = Objects.requireNonNull(summary, "summary");
            return this;
        }

        /**
         * Marks the test as skipped (disabled).
         *
         * @param reason why; redacted
         * @return this builder
         */
        public Builder skipped(String reason) {
            this.status = Status.SKIPPED;
            this.skipReason = Objects.requireNonNull(reason, "reason");
            return this;
        }

        /**
         * Marks the test as aborted (an assumption did not hold).
         *
         * @param reason why; redacted
         * @return this builder
         */
        public Builder aborted(String reason) {
            this.status = Status.ABORTED;
            this.skipReason = Objects.requireNonNull(reason, "reason");
            return this;
        }

        /**
         * Adds a disruption and its recovery.
         *
         * @param recovery the measurement
         * @return this builder
         */
        public Builder recovery(RecoveryMeasurement recovery) {
            recoveries.add(Objects.requireNonNull(recovery, "recovery"));
            return this;
        }

        /**
         * Adds disruptions and their recoveries.
         *
         * @param measurements the measurements, in the order applied
         * @return this builder
         */
        public Builder recoveries(List<RecoveryMeasurement> measurements) {
            measurements.forEach(this::recovery);
            return this;
        }

        /**
         * Sets the bring-up timeline.
         *
         * @param timeline the phases
         * @return this builder
         */
        public Builder bringUp(PhaseTimeline timeline) {
            this.bringUp = Objects.requireNonNull(timeline, "timeline");
            return this;
        }

        /**
         * Adds findings.
         *
         * @param found the findings
         * @return this builder
         */
        public Builder findings(List<Finding> found) {
            found.forEach(finding -> findings.add(Objects.requireNonNull(finding, "finding")));
            return this;
        }

        /**
         * Sets the directory holding this test's failure diagnostics.
         *
         * @param directory the directory
         * @return this builder
         */
        public Builder diagnosticsDir(Path directory) {
            this.diagnosticsDir = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Builds the record.
         *
         * @return the immutable record
         */
        public TestRecord build() {
            return new TestRecord(testClass, testName, status, Optional.ofNullable(failureSummary), recoveries,
                    bringUp, findings, Optional.ofNullable(diagnosticsDir), Optional.ofNullable(skipReason));
        }
    }
}
