package dev.vaulttest;

import dev.vaulttest.chart.Adjustment;
import dev.vaulttest.internal.NestedMaps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** INTERIM until the k3s overlay lands: turns the injector off and drops the anti-affinity on small clusters. */
final class K3sFit implements ClusterFit {

    @Override
    public Fitted fit(Map<String, Object> values, Context context) {
        Map<String, Object> overlay = new LinkedHashMap<>();
        List<Adjustment> adjustments = new ArrayList<>();
        if (!context.injector()) {
            NestedMaps.put(overlay, false, "injector", "enabled");
            adjustments.add(new Adjustment("injector.enabled", "off: the test did not ask for the injector"));
        }
        if (context.facts().nodeCount() < 2) {
            NestedMaps.put(overlay, "", "server", "affinity");
            adjustments.add(new Adjustment("server.affinity", "removed: the cluster has one node"));
        }
        return new Fitted(overlay, adjustments, List.of(), Optional.empty(), Optional.empty());
    }
}
