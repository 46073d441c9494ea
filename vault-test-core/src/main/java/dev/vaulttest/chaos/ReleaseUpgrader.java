package dev.vaulttest.chaos;

import dev.vaulttest.VaultEnvironment;

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
     * An upgrader that refuses, for setups without Helm operations.
     *
     * @return the upgrader
     */
    static ReleaseUpgrader unavailable() {
        return (env, target) -> {
            throw new ChaosPreconditionException("No Helm upgrader is configured, so the release " + env.releaseName()
                    + " cannot be upgraded to " + target.describe() + ". Pass one with"
                    + " ChaosOptions.builder().upgrader(...).");
        };
    }
}
