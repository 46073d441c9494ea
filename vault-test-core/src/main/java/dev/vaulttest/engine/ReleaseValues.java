package dev.vaulttest.engine;

import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.chart.Adjustment;
import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.internal.helm.HelmValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The values a release is installed with, built in layers that each stay visible: the team's values as they
 * are, then the spec's mode layer ({@link ModeValues}), then the cluster fit (the k3s overlay). Every value the
 * library sets comes with an {@link Adjustment} that says why.
 */
final class ReleaseValues {

    private ReleaseValues() {
    }

    /**
     * The team's values with the mode layer.
     *
     * @param values the team's values and the spec's mode layer merged, as Helm will merge them
     * @param mode the mode layer
     */
    record WithMode(ChartValues values, ModeValues mode) {

        /**
         * The merged values as Helm will see them, before the cluster fit.
         *
         * @return the effective values tree
         */
        Map<String, Object> effective() {
            return HelmValues.merge(values).asMap();
        }
    }

    /**
     * The final values.
     *
     * @param values every layer, as Helm gets them
     * @param adjustments what the library added, in order: mode layer first, then the cluster fit
     * @param fitted the cluster fit, with its objects to create, its CA and its KMS key alias
     */
    record Fitted(ChartValues values, List<Adjustment> adjustments, ClusterFit.Fitted fitted) {
    }

    /**
     * Adds the spec's mode layer (topology, TLS listener, awskms seal variables) to the team's values.
     *
     * @param spec the environment spec
     * @return the layered values
     */
    static WithMode withMode(VaultEnvironmentSpec spec) {
        ChartValues team = spec.values();
        ModeValues mode = ModeValues.of(spec, HelmValues.merge(team).asMap());
        mode = mode.withSeal(spec, HelmValues.merge(layer(team, mode)).asMap());
        return new WithMode(layer(team, mode), mode);
    }

    /**
     * Fits the layered values to the cluster.
     *
     * @param withMode the team's values with the mode layer
     * @param context the release, cluster and seal
     * @return the final values
     */
    static Fitted fit(WithMode withMode, ClusterFit.Context context) {
        ClusterFit.Fitted fitted = ClusterFit.fit(withMode.effective(), context);
        ChartValues values = fitted.values().isEmpty() ? withMode.values()
                : withMode.values().toBuilder().values("vault-test cluster fit-ups", fitted.values()).build();
        List<Adjustment> adjustments = new ArrayList<>(withMode.mode().adjustments());
        adjustments.addAll(fitted.adjustments());
        return new Fitted(values, adjustments, fitted);
    }

    private static ChartValues layer(ChartValues team, ModeValues mode) {
        return mode.values().isEmpty() ? team
                : team.toBuilder().values("vault-test mode layer", mode.values()).build();
    }
}
