/**
 * JUnit Jupiter support for vault-test: annotations that bring up a Vault deployment on Kubernetes for
 * a test class, and parameters that hand its parts to tests.
 *
 * <p>Start with {@link dev.vaulttest.junit5.VaultTest}: a k3s cluster in Docker, the official Vault
 * chart at the pinned version, three raft nodes, Shamir unseal, diagnostics on failure. Change one
 * concern at a time with {@link dev.vaulttest.junit5.K3sCluster} or
 * {@link dev.vaulttest.junit5.ExistingCluster}, {@link dev.vaulttest.junit5.VaultDeployment},
 * {@link dev.vaulttest.junit5.Shamir} or {@link dev.vaulttest.junit5.AutoUnseal}, and
 * {@link dev.vaulttest.junit5.VaultTls}. Every annotation works as a meta-annotation, so a team can
 * bundle its choices into its own annotation.
 *
 * <h2>Lifecycle</h2>
 * One cluster per cluster spec and test run (kept in JUnit's root store and shared by every class that
 * asks for the same spec); one deployment per test class, in its own namespace and release; per-test
 * resources per test. Tests that damage the deployment carry {@link dev.vaulttest.junit5.Disruptive}.
 *
 * <h2>Settings</h2>
 * Every setting can be changed without code through JUnit configuration parameters or system
 * properties; see {@link dev.vaulttest.junit5.VaultTestSettings}.
 */
package dev.vaulttest.junit5;
