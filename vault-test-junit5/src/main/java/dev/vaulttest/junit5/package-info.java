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
 *
 * <h2>Inside</h2>
 * The annotations, the parameter qualifiers, {@link dev.vaulttest.junit5.VaultTestSettings} and
 * {@link dev.vaulttest.junit5.VaultTestConfigurationException} are the API; the extensions behind them
 * and everything they use are package-private. Nothing is kept in extension fields; state lives in
 * {@code ExtensionContext.Store} under one namespace, in the scope that owns it:
 * <ul>
 *   <li>root store: the Docker probe result, the environment factory, one cluster per cluster spec
 *       (closed when the run ends), the run report (written when the run ends);</li>
 *   <li>class store: one deployment per class and deployment spec (closed after the class; it borrows
 *       the cluster and never closes it), and what the report needs per test;</li>
 *   <li>method store: per-test resources, closed after the test.</li>
 * </ul>
 * Values that own something outside the JVM are {@link java.lang.AutoCloseable} and are closed by JUnit
 * (5.13 and later), in reverse order of insertion.
 */
package dev.vaulttest.junit5;

