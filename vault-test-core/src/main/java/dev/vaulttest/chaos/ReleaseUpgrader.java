package dev.vaulttest.chaos;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.chaos.ChartUpgrade.UpgradeTarget;
import dev.vaulttest.chart.ChartCache;

/**
 * Runs {@code helm upgrade} of a deployment's release to a target chart and values, without waiting for pods
 * (the chart's StatefulSet is OnDelete, so nothing restarts). The chart upgrades in {@link Chaos} call it, then
 * do their own pod work.
 */
@FunctionalInterface
interface ReleaseUpgrader {

    /**
     * Upgrades the release in place.
     *
     * @param env the deployment whose release to upgrade
     * @param target the chart and values to upgrade to
     */
    void upgrade(VaultEnvironment env, UpgradeTarget target);

    /**
     * The library's upgrader: {@code helm upgrade --reset-values} through helm-java, on the target chart's
     * defaults, with the installed team values and the target's values on top, run through the spec's mode layer
     * and the install's cluster fit ({@link VaultEnvironment#valuesForUpgrade}). Repository charts come from the
     * default chart cache.
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
