package dev.vaulttest.junit5;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.internal.Redactor;
import dev.vaulttest.internal.diagnostics.Diagnostics;
import dev.vaulttest.internal.diagnostics.DiagnosticsSummary;
import java.nio.file.Path;

/**
 * Core's {@link Diagnostics}: pod logs (current and previous containers), events, StatefulSet, pod and PVC
 * state, seal status and raft peers of each node, Helm history, effective values and adjustments (redacted),
 * the phase timeline. Core never throws for a failing collector; this adapter turns the collectors that
 * failed into one exception, so the extension can attach it to the test's failure as suppressed.
 */
final class CoreDiagnostics implements DiagnosticsCollector {

    @Override
    public void collect(VaultEnvironment environment, Path directory) {
        DiagnosticsSummary summary = Diagnostics.collect(environment, directory);
        if (!summary.errors().isEmpty()) {
            throw new VaultTestException("Some diagnostics could not be collected into " + directory.toAbsolutePath()
                    + " (the others were written; see " + Diagnostics.ERRORS_FILE + "): "
                    + Redactor.redact(String.join("; ", summary.errors())));
        }
    }
}
