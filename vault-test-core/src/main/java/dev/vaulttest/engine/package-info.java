/**
 * The engine behind {@link dev.vaulttest.VaultEnvironment}: it fits the team's values to the cluster,
 * installs the chart, initialises, unseals and joins the nodes, waits at the ready gate and tears everything
 * down again, recording each phase.
 *
 * <p>Users reach it through {@link dev.vaulttest.VaultEnvironment#start} or
 * {@link dev.vaulttest.EnvironmentFactory#standard()}; {@link dev.vaulttest.engine.StandardEnvironmentFactory}
 * is public so that an extension can replace a collaborator. Everything else here is package-private.
 */
package dev.vaulttest.engine;

