package dev.vaulttest.junit5;

import dev.vaulttest.internal.report.ReportWriter;
import dev.vaulttest.internal.report.RunReportCollector;
import dev.vaulttest.internal.report.TestRecord;
import dev.vaulttest.internal.report.WrittenReport;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run report, kept once in the root store: tests add their records while the run goes on, and JUnit
 * closing the root store at the end of the run writes {@code summary.json} and {@code index.html}.
 */
final class RunReportResource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunReportResource.class);

    private final RunReportCollector collector = new RunReportCollector();
    private final Path directory;

    private RunReportResource(Path directory) {
        this.directory = directory;
    }

    /**
     * The report of the run a context belongs to, created on first use.
     *
     * @param context any context of the run
     * @param settings the run's settings (for the report directory)
     * @return the report
     */
    static RunReportResource of(ExtensionContext context, Settings settings) {
        return Stores.root(context).getOrComputeIfAbsent(RunReportResource.class,
                key -> new RunReportResource(settings.reportsDir()), RunReportResource.class);
    }

    void add(TestRecord test) {
        collector.add(test);
    }

    void describeEnvironment(String description) {
        collector.describeEnvironment(description);
    }

    Path directory() {
        return directory;
    }

    @Override
    public void close() {
        if (collector.size() == 0) {
            return;
        }
        WrittenReport written = new ReportWriter(directory).write(collector.toReport());
        LOG.info("vault-test report: {}", written.indexHtml().toAbsolutePath());
    }
}
