package dev.vaulttest.junit5.internal;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultTestException;
import dev.vaulttest.chart.Adjustment;
import dev.vaulttest.chart.ReleaseRevision;
import dev.vaulttest.internal.Redactor;
import dev.vaulttest.report.PhaseTiming;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Diagnostics from what a {@link VaultEnvironment} tells about itself: every node's state (pod, seal
 * status, role), raft peers, the bring-up timeline, the Helm history, the effective values and the
 * library's adjustments.
 * Every file is redacted.
 */
final class EnvironmentDiagnostics implements DiagnosticsCollector {

    @Override
    public void collect(VaultEnvironment environment, Path directory) throws IOException {
        Map<String, Callable<String>> parts = new LinkedHashMap<>();
        parts.put("deployment.txt", () -> "namespace: " + environment.namespace() + "\nrelease: "
                + environment.releaseName() + "\ncluster: " + environment.cluster().description() + "\n");
        parts.put("snapshot.txt", () -> {
            var snapshot = environment.snapshot();
            return snapshot.describe() + "\n\nraft: " + snapshot.raft().map(Object::toString).orElse("(none)")
                    + "\nautopilot: " + snapshot.autopilot().map(Object::toString).orElse("(none)") + "\n";
        });
        parts.put("timeline.txt", () -> environment.timeline().phases().stream().map(EnvironmentDiagnostics::line)
                .collect(Collectors.joining("\n", "", "\n")));
        parts.put("helm-history.txt", () -> environment.releaseHistory().stream().map(ReleaseRevision::describe)
                .collect(Collectors.joining("\n", "", "\n")));
        parts.put("effective-values.yaml", () -> environment.effectiveValues().toYaml());
        parts.put("adjustments.txt", () -> environment.adjustments().stream().map(Adjustment::toString)
                .collect(Collectors.joining("\n", "", "\n")));
        List<Exception> failures = new ArrayList<>();
        List<String> failedParts = new ArrayList<>();
        for (Map.Entry<String, Callable<String>> part : parts.entrySet()) {
            try {
                Files.writeString(directory.resolve(part.getKey()), Redactor.redact(part.getValue().call()),
                        StandardCharsets.UTF_8);
            } catch (Exception e) {
                failedParts.add(part.getKey() + " (" + e + ")");
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            VaultTestException failure = new VaultTestException("Could not collect "
                    + Redactor.redact(String.join(", ", failedParts))
                    + " into " + directory.toAbsolutePath() + "; the other diagnostics were written");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private static String line(PhaseTiming timing) {
        return timing.phase() + "\t" + timing.start() + "\t" + timing.duration();
    }
}
