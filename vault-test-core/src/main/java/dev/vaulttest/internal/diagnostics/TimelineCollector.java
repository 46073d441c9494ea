package dev.vaulttest.internal.diagnostics;

import dev.vaulttest.VaultEnvironment;

/** Writes the bring-up phases to {@code timeline.json}. */
final class TimelineCollector implements Collector {

    @Override
    public String name() {
        return "timeline";
    }

    @Override
    public void collect(VaultEnvironment environment, Output out) {
        out.write("timeline.json", TimelineJson.render(environment.timeline()));
    }
}
