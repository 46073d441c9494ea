/**
 * What a rendered chart will run, read from its manifests: the objects themselves
 * ({@link dev.vaulttest.chart.RenderedManifests}), the Vault server StatefulSets picked out of them with
 * the configuration each one mounts ({@link dev.vaulttest.internal.rendered.RenderedDeployment},
 * {@link dev.vaulttest.internal.rendered.VaultServer}), and Vault's HCL or JSON configuration
 * ({@link dev.vaulttest.internal.rendered.VaultConfig}).
 *
 * <p>One model for every reader: bring-up plans its nodes from it, and the offline and live checks judge it.
 * Dev mode and the configuration lookup are defined here once.
 *
 * <p>Not API: types here may change without notice; they are public only so that the library's own packages
 * and modules can share them.
 */
package dev.vaulttest.internal.rendered;

