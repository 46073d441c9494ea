package dev.vaulttest.junit5;

/**
 * The names of the settings the JUnit extension reads from JUnit configuration parameters (for example
 * {@code src/test/resources/junit-platform.properties}) or, when not set there, from system properties
 * ({@code mvn -Dvaulttest.k3s.image=...}).
 *
 * <p>Values are parsed strictly: a value that cannot be used fails the test class with a message that
 * names the setting and the value. An explicit annotation attribute wins over a setting; a setting wins
 * over the library's default.
 */
public final class VaultTestSettings {

    /** The k3s image for clusters whose {@link K3sCluster#image()} is empty. */
    public static final String K3S_IMAGE = "vaulttest.k3s.image";

    /**
     * The Vault server image, {@code repository:tag}: set as {@code server.image.repository} and
     * {@code server.image.tag} after the values files, and preloaded into k3s.
     */
    public static final String VAULT_IMAGE = "vaulttest.vault.image";

    /** The official chart version for deployments whose {@link VaultDeployment#chartVersion()} is empty. */
    public static final String CHART_VERSION = "vaulttest.chart.version";

    /**
     * A kubeconfig file: classes without a cluster annotation run on that existing cluster instead of
     * k3s, and {@link ExistingCluster} uses it when its own kubeconfig is empty.
     */
    public static final String KUBECONFIG = "vaulttest.kubeconfig";

    /** The kubeconfig context for existing clusters whose {@link ExistingCluster#context()} is empty. */
    public static final String CONTEXT = "vaulttest.context";

    /**
     * {@code true} to leave a class's deployment (and its cluster) running when one of its tests failed,
     * and print how to reach it; {@code false} by default.
     */
    public static final String KEEP_ON_FAILURE = "vaulttest.keep-on-failure";

    /** The report directory: {@code target/vault-test-reports} by default. */
    public static final String REPORTS_DIR = "vaulttest.reports.dir";

    /** {@code true} to fail, rather than skip, tests that need Docker when Docker is missing. */
    public static final String DOCKER_REQUIRED = "vaulttest.docker.required";

    /**
     * How long a deployment may take to pass the ready gate again after a {@link Disruptive} test before it
     * is rebuilt: an ISO-8601 duration ({@code PT90S}) or a number with a unit ({@code 90s}, {@code 2m});
     * 1 minute by default.
     */
    public static final String RECOVERY_TIMEOUT = "vaulttest.recovery.timeout";

    /**
     * For testing code built on the extension: the class name of a {@code dev.vaulttest.EnvironmentFactory}
     * with a public no-argument constructor, used instead of the standard factory.
     */
    public static final String ENVIRONMENT_FACTORY = "vaulttest.environment.factory";

    /**
     * For testing code built on the extension: the class name of a
     * {@code java.util.function.Supplier<dev.vaulttest.cluster.DockerStatus>} with a public no-argument
     * constructor, asked instead of probing Docker.
     */
    public static final String DOCKER_PROBE = "vaulttest.docker.probe";

    private VaultTestSettings() {
    }
}
