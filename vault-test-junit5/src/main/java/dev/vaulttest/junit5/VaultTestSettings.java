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
     * Registry mirrors for k3s clusters the library starts: comma-separated {@code registry=URL} pairs, for example
     * {@code docker.io=https://mirror.example.com:5000,registry.k8s.io=https://mirror.example.com:5001}. Written to
     * k3s's {@code registries.yaml}, so images that are not preloaded (k3s's own pause, CoreDNS and
     * local-path-provisioner images, a Vault or canary image the host's Docker lacks) come from the mirror first.
     * URLs with credentials are refused. No effect on an existing cluster, whose nodes have their own configuration.
     */
    public static final String K3S_REGISTRY_MIRRORS = "vaulttest.k3s.registry-mirrors";

    /**
     * The Vault server image, {@code repository:tag}: set as {@code server.image.repository} and
     * {@code server.image.tag} after the values files, and preloaded into k3s.
     */
    public static final String VAULT_IMAGE = "vaulttest.vault.image";

    /**
     * The image of the canary pods that check whether NetworkPolicies are enforced (network chaos), instead of
     * {@code dev.vaulttest.base.Versions.CANARY_IMAGE}: for clusters that cannot pull, a preloaded copy, for example
     * {@code registry.local/curlimages/curl:8.11.1}. It must have {@code sh} and {@code curl}, and be pinned
     * ({@code repository:tag} other than {@code latest}, or a digest): Kubernetes pulls a {@code latest} or untagged
     * image on every start. Used by the injected {@code Chaos}.
     */
    public static final String CANARY_IMAGE = "vaulttest.canary.image";

    /**
     * The image of the KMS emulator container the library starts for {@link AutoUnseal} (LocalStack or local-kms,
     * whichever the class asks for), instead of the pinned default; pinned like {@link #CANARY_IMAGE}. Has no
     * effect with {@link #KMS_ENDPOINT}, where no container is started.
     */
    public static final String KMS_IMAGE = "vaulttest.kms.image";

    /**
     * The root URL of a KMS emulator that runs already (for example nsmithuk/local-kms as a process on a node), as
     * Vault pods reach it: {@code http://10.0.0.5:8080}. When set, every {@link AutoUnseal} class with an emulated
     * KMS uses this emulator ({@code KmsProvider.EXTERNAL}) instead of starting one in Docker, so awskms
     * auto-unseal can be tested on an existing cluster: Vault is pointed at it, and the key alias the values name
     * is created through its API. The library never stops it, nor can it pause it ({@code kmsOutage()} is refused;
     * {@code disableKmsKey()} and {@code network().blockKms()} work). Needed by {@code @AutoUnseal(kms = EXTERNAL)}.
     */
    public static final String KMS_ENDPOINT = "vaulttest.kms.endpoint";

    /**
     * The root URL this JVM reaches the external KMS emulator at, when it differs from {@link #KMS_ENDPOINT} (a
     * port-forward, a NAT); by default the same URL. The emulator must answer there when a deployment starts.
     */
    public static final String KMS_HOST_ENDPOINT = "vaulttest.kms.host-endpoint";

    /**
     * The access key id the external KMS emulator accepts, with {@link #KMS_SECRET_KEY}; both default to the dummy
     * {@code test}/{@code test} that local-kms and LocalStack accept. Never printed.
     */
    public static final String KMS_ACCESS_KEY = "vaulttest.kms.access-key";

    /** The secret access key that goes with {@link #KMS_ACCESS_KEY}. Never printed. */
    public static final String KMS_SECRET_KEY = "vaulttest.kms.secret-key";

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
     * How long a namespace the library created on an existing cluster must have had no heartbeat before a later run
     * removes it, with its release's cluster-wide objects and the StorageClasses created for it, as the leftover of a
     * run that was killed before its teardown: a duration of at least 3 minutes ({@code 1h}, {@code 30m},
     * {@code PT2H}), or {@code never} to only warn about leftovers. 1 hour by default. A run renews its
     * namespaces' heartbeat every minute; namespaces that {@link #KEEP_ON_FAILURE} left are never removed.
     */
    public static final String REAP_AFTER = "vaulttest.reap-after";

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
