package dev.vaulttest.chaos;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.chart.ChartCache;

/**
 * Runs {@code helm upgrade} of a deployment's release to a target chart and values, without waiting for pods
 * (the chart's StatefulSet is OnDelete, so nothing restarts). The chart upgrades in {@link Chaos} call it, then
 * do their own pod work.
 */
@FunctionalInterface
public interface ReleaseUpgrader {

    /**
     * Upgrades the release in place.
     *
     * @param env the deployment whose release to upgrade
     * @param target the chart and values to upgrade to
     */
    void upgrade(VaultEnvironment env, UpgradeTarget target);

    /**
     * The library's upgrader: {@code helm upgrade --reset-values} through helm-java with the values a fresh
     * install of the target would get ({@link VaultEnvironment#valuesForUpgrade}: the target's or the installed
     * team values, the spec's mode layer and the cluster fit-ups), on the target chart's defaults. Repository
     * charts come from the default chart cache.
     *
     * @return the upgrader
     */
    static ReleaseUpgrader helm() {
        return helm(ChartCache.atDefaultLocation());
    }

    /**
     * The library's upgrader with charts from the given cache.
     *
     * @param cache where repository charts are cached (and downloaded to)
     * @return the upgrader
     */
    static ReleaseUpgrader helm(ChartCache cache) {
        return new HelmUpgrader(java.util.Objects.requireNonNull(cache, "cache"));
    }
}
