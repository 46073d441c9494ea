package dev.vaulttest.internal.diagnostics;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.chart.Adjustment;
import java.util.stream.Collectors;

/** Writes the effective values (redacted) and what the library added to the team's values. */
final class ValuesCollector implements Collector {

    @Override
    public String name() {
        return "values";
    }

    @Override
    public void collect(VaultEnvironment environment, Output out) {
        out.write("effective-values.yaml", "# Release " + environment.namespace() + "/" + environment.releaseName()
                + ": the values Helm installed with, secrets redacted\n" + environment.effectiveValues().toYaml());
        out.write("adjustments.txt", environment.adjustments().stream().map(Adjustment::toString)
                .collect(Collectors.joining("\n", "", "\n")));
    }
}
