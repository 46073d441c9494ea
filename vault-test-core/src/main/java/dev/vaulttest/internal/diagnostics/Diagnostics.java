package dev.vaulttest.internal.diagnostics;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.internal.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes everything needed to understand a failed test against a Vault environment into one directory. Each
 * collector runs on its own: one that fails is named in {@value #ERRORS_FILE} and the others still run, so a
 * dead cluster still leaves the timeline and the values behind. Never throws for a failing collector, so it
 * cannot hide the test's own failure.
 *
 * <p>Files: {@code pods/<pod>/<container>.log} and {@code .previous.log}, {@code events.txt},
 * {@code statefulsets.yaml}, {@code pods.yaml}, {@code pvcs.yaml}, {@code vault-status.txt},
 * {@code helm-history.txt}, {@code effective-values.yaml}, {@code adjustments.txt}, {@code timeline.json}.
 */
public final class Diagnostics {

    /** The file that names the collectors that failed, and why. */
    public static final String ERRORS_FILE = "errors.txt";

    private static final Logger LOG = LoggerFactory.getLogger(Diagnostics.class);

    private static final List<Collector> COLLECTORS = List.of(new TimelineCollector(), new ValuesCollector(),
            new HelmHistoryCollector(), new VaultStatusCollector(), new WorkloadStateCollector(),
            new EventsCollector(), new PodLogsCollector());

    private Diagnostics() {
    }

    /**
     * Collects the diagnostics of an environment.
     *
     * @param environment the environment, open or failing
     * @param directory where to write; created when missing
     * @return what was written and which collectors failed
     * @throws UncheckedIOException when the directory itself cannot be created
     */
    public static DiagnosticsSummary collect(VaultEnvironment environment, Path directory) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(directory, "directory");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the diagnostics directory " + directory, e);
        }
        Output out = new Output(directory);
        List<String> errors = new ArrayList<>();
        for (Collector collector : COLLECTORS) {
            try {
                collector.collect(environment, out);
            } catch (Exception | LinkageError e) {
                String reason = Redactor.redact(String.valueOf(e.getMessage()));
                errors.add(collector.name() + ": " + e.getClass().getSimpleName() + ": " + reason);
                LOG.warn("Diagnostics collector {} failed: {}", collector.name(), reason);
            }
        }
        if (!errors.isEmpty()) {
            try {
                out.write(ERRORS_FILE, String.join("\n", errors) + "\n");
            } catch (RuntimeException e) {
                LOG.warn("Could not write {}: {}", ERRORS_FILE, Redactor.redact(String.valueOf(e.getMessage())));
            }
        }
        DiagnosticsSummary summary = new DiagnosticsSummary(directory, out.written(), errors);
        LOG.info("Wrote {}", summary.describe());
        return summary;
    }
}
