package dev.vaulttest.internal.report;

import dev.vaulttest.internal.Redactor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The result of one test run, ready for a {@link ReportWriter}.
 *
 * <p>The environment description is redacted on construction; it should say what ran (k3s image, chart
 * version, seal type, replicas), never credentials.
 *
 * @param startedAt when the run started
 * @param finishedAt when the run finished; not before {@code startedAt}
 * @param environmentDescription what the tests ran against, without secrets; may be empty
 * @param tests the records of the tests, in any order (the writer sorts them)
 */
public record RunReport(Instant startedAt, Instant finishedAt, String environmentDescription, List<TestRecord> tests) {

    /**
     * Validates the components, copies the list and redacts the description.
     *
     * @param startedAt when the run started
     * @param finishedAt when the run finished
     * @param environmentDescription what the tests ran against; redacted
     * @param tests the records of the tests
     */
    public RunReport {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(environmentDescription, "environmentDescription");
        tests = List.copyOf(Objects.requireNonNull(tests, "tests"));
        if (finishedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("finishedAt (" + finishedAt + ") is before startedAt (" + startedAt
                    + "); stamp both from one clock");
        }
        environmentDescription = Redactor.redact(environmentDescription);
    }

    /**
     * Returns how long the run took.
     *
     * @return the time from start to finish
     */
    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    /**
     * Counts the tests that ended with a status.
     *
     * @param status the status
     * @return how many tests ended with it
     */
    public long count(TestRecord.Status status) {
        return tests.stream().filter(test -> test.status() == status).count();
    }
}
