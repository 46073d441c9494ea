package dev.vaulttest.internal.diagnostics;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.chart.ReleaseRevision;
import java.util.stream.Collectors;

/** Writes {@code helm history} of the release. */
final class HelmHistoryCollector implements Collector {

    @Override
    public String name() {
        return "helm-history";
    }

    @Override
    public void collect(VaultEnvironment environment, Output out) {
        out.write("helm-history.txt", "REVISION  UPDATED  STATUS  CHART  APP VERSION  DESCRIPTION\n"
                + environment.releaseHistory().stream().map(ReleaseRevision::describe)
                        .collect(Collectors.joining("\n", "", "\n")));
    }
}
