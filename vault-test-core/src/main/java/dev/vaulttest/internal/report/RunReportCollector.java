package dev.vaulttest.internal.report;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Collects test records from concurrently running tests and builds the {@link RunReport}.
 *
 * <p>An explicit object, owned by whoever owns the run (the JUnit extension keeps one in the root
 * store); there is no static state. Every method is thread-safe. The run starts when the collector is
 * created and finishes when {@link #toReport()} is called.
 */
public final class RunReportCollector {

    private final Clock clock;
    private final Instant startedAt;
    private final ConcurrentLinkedQueue<TestRecord> tests = new ConcurrentLinkedQueue<>();
    private final Set<String> environments = new TreeSet<>();

    /** Creates a collector whose run starts now, by the system clock (UTC). */
    public RunReportCollector() {
        this(Clock.systemUTC());
    }

    /**
     * Creates a collector whose run starts now, by the given clock.
     *
     * @param clock the clock that stamps the start and the finish of the run
     */
    public RunReportCollector(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.startedAt = clock.instant();
    }

    /**
     * Adds the record of a finished test.
     *
     * @param test the record
     */
    public void add(TestRecord test) {
        tests.add(Objects.requireNonNull(test, "test"));
    }

    /**
     * Describes an environment the tests ran against, for example
     * {@code "k3s rancher/k3s:v1.33.5-k3s1, chart vault 0.34.1, 3 raft nodes, awskms (LocalStack)"}.
     * Each distinct description appears once in the report, sorted. Never pass credentials.
     *
     * @param description what ran, without secrets
     */
    public void describeEnvironment(String description) {
        Objects.requireNonNull(description, "description");
        if (!description.isBlank()) {
            synchronized (environments) {
                environments.add(description.strip());
            }
        }
    }

    /**
     * Returns how many test records were added so far.
     *
     * @return the number of records
     */
    public int size() {
        return tests.size();
    }

    /**
     * Builds the report of everything added so far; the run finishes now by the collector's clock.
     * The collector stays usable; a later call builds a newer report.
     *
     * @return the report
     */
    public RunReport toReport() {
        String description;
        synchronized (environments) {
            description = String.join("\n", environments);
        }
        Instant now = clock.instant();
        Instant finishedAt = now.isBefore(startedAt) ? startedAt : now;
        return new RunReport(startedAt, finishedAt, description, List.copyOf(tests));
    }
}
