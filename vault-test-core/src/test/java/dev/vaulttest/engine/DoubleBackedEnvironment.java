package dev.vaulttest.engine;

import dev.vaulttest.DeploymentMode;
import dev.vaulttest.VaultEnvironmentSpec.EnvironmentTimeouts;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.chart.ChartCache;
import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.cluster.KubernetesCluster;
import dev.vaulttest.fixture.DoubleKms;
import dev.vaulttest.fixture.FixtureCharts;
import dev.vaulttest.fixture.MockCluster;
import dev.vaulttest.fixture.PodDriver;
import dev.vaulttest.fixture.PodState;
import dev.vaulttest.internal.NestedMaps;
import dev.vaulttest.internal.helm.HelmValues;
import dev.vaulttest.kms.KmsStarter;
import dev.vaulttest.kms.SealSpec;
import dev.vaulttest.testkit.FakeVaultCluster;
import dev.vaulttest.testkit.SealKind;
import dev.vaulttest.vault.VaultTimeouts;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test fixture: a real {@link VaultEnvironment} (the library's own implementation, brought up by
 * {@link StandardEnvironmentFactory}) over fabric8's mock API server in CRUD mode and the stateful Vault API
 * double of the testkit, so the JUnit layer, chaos and assertions can be tested without Docker.
 *
 * <p>What is real: namespace creation, the mode layer and cluster fit, chart rendering (helm-java, with the test
 * chart {@code charts/vault-env} in place of a repository chart), waiting for pods, init, unseal, raft join, the
 * ready gate, snapshots, cleanup. What is simulated: Helm install creates the rendered objects in the mock;
 * the {@link PodDriver} plays kubelet and StatefulSet controller; each pod {@code <release>-<i>} is reached at
 * the double node of the same name; an {@code awskms} seal uses a {@link DoubleKms}.
 *
 * <p>Typical use, with {@code @EnableKubernetesMockClient(crud = true, https = false)} giving {@code client}:
 * <pre>{@code
 * try (DoubleBackedEnvironment fixture = DoubleBackedEnvironment.start(client,
 *         DoubleBackedEnvironment.spec().replicas(3).build())) {
 *     VaultEnvironment env = fixture.environment();
 *     fixture.vault().restart(env.active().name());   // break something
 * }
 * }</pre>
 *
 * <p>Limits: specs with {@code tls(true)} are refused (the double would need the generated certificate);
 * {@link DeploymentMode#FROM_VALUES} needs {@link Builder#nodes(int)} when the values run more than one node.
 */
public final class DoubleBackedEnvironment implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DoubleBackedEnvironment.class);

    private final VaultEnvironment environment;
    private final FakeVaultCluster vault;
    private final PodDriver pods;
    private final Optional<DoubleKms> kms;
    private final FixtureCharts.ChartDirectory chart;
    private boolean closed;

    private DoubleBackedEnvironment(VaultEnvironment environment, FakeVaultCluster vault, PodDriver pods,
            Optional<DoubleKms> kms, FixtureCharts.ChartDirectory chart) {
        this.environment = environment;
        this.vault = vault;
        this.pods = pods;
        this.kms = kms;
        this.chart = chart;
    }

    /**
     * A spec builder for the fixture: the library's defaults (HA raft, 3 nodes, Shamir 3-of-2) with timeouts
     * sized for in-process doubles (10 s install and pods, 20 s ready, polling every 50 ms).
     *
     * @return the builder
     */
    public static VaultEnvironmentSpec.Builder spec() {
        return VaultEnvironmentSpec.builder().timeouts(new EnvironmentTimeouts(Duration.ofSeconds(10),
                Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofMillis(50)));
    }

    /**
     * Brings up an environment with every pod Running at once.
     *
     * @param mockClient a client of fabric8's mock server in CRUD mode
     * @param spec the deployment
     * @return the ready fixture; close it after the test
     * @throws dev.vaulttest.BringUpException when the bring-up fails
     */
    public static DoubleBackedEnvironment start(KubernetesClient mockClient, VaultEnvironmentSpec spec) {
        return builder(mockClient).spec(spec).start();
    }

    /**
     * A builder for more control: initial pod states, the double's options, keep-on-failure.
     *
     * @param mockClient a client of fabric8's mock server in CRUD mode
     * @return the builder
     */
    public static Builder builder(KubernetesClient mockClient) {
        return new Builder(mockClient);
    }

    /**
     * The environment under test.
     *
     * @return the environment
     */
    public VaultEnvironment environment() {
        return environment;
    }

    /**
     * The Vault double behind the pods: restart, stop or wipe nodes, cut the KMS.
     *
     * @return the double
     */
    public FakeVaultCluster vault() {
        return vault;
    }

    /**
     * The pod driver: set pod statuses, recreate pods.
     *
     * @return the driver
     */
    public PodDriver pods() {
        return pods;
    }

    /**
     * The KMS emulator stand-in, when the spec seals with {@code awskms}.
     *
     * @return the emulator
     */
    public Optional<DoubleKms> kms() {
        return kms;
    }

    /** Closes the environment (uninstall, namespace), then the pod driver and the double. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            environment.close();
        } finally {
            pods.close();
            vault.close();
            chart.close();
        }
    }

    /** Configures and starts a {@link DoubleBackedEnvironment}. */
    public static final class Builder {

        private final KubernetesClient client;
        private VaultEnvironmentSpec spec = DoubleBackedEnvironment.spec().build();
        private Function<String, PodState> initialPods = name -> PodState.running(false);
        private Consumer<FakeVaultCluster.Builder> vaultOptions = b -> { };
        private Consumer<FakeVaultCluster> beforeBringUp = v -> { };
        private Integer nodes;
        private boolean controller = true;
        private boolean keepOnFailure;
        private PodDriver driver;
        private Function<KubernetesClient, KubernetesCluster> clusterFactory = MockCluster::singleNodeK3s;
        private KmsStarter kmsStarter;

        private Builder(KubernetesClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /**
         * The deployment (default: {@link DoubleBackedEnvironment#spec()}). A repository chart is replaced by the
         * fixture's test chart; the cluster spec is ignored (the mock is the cluster).
         *
         * @param environmentSpec the spec
         * @return this builder
         */
        public Builder spec(VaultEnvironmentSpec environmentSpec) {
            this.spec = Objects.requireNonNull(environmentSpec, "environmentSpec");
            return this;
        }

        /**
         * The status each pod gets when the install creates it (default: Running, not Ready). Use
         * {@link #pods()} to change statuses while the bring-up waits.
         *
         * @param states the status per pod name
         * @return this builder
         */
        public Builder initialPods(Function<String, PodState> states) {
            this.initialPods = Objects.requireNonNull(states, "states");
            return this;
        }

        /**
         * Further options of the Vault double, for example {@code b -> b.joinAsNonVoter(true)}.
         *
         * @param options changes the double's builder
         * @return this builder
         */
        public Builder vault(Consumer<FakeVaultCluster.Builder> options) {
            this.vaultOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Changes the started double before the bring-up begins, for example
         * {@code v -> v.stop(v.node(2).name())} to have a node that never answers.
         *
         * @param action what to do with the double
         * @return this builder
         */
        public Builder beforeBringUp(Consumer<FakeVaultCluster> action) {
            this.beforeBringUp = Objects.requireNonNull(action, "action");
            return this;
        }

        /**
         * The number of double nodes, for {@link DeploymentMode#FROM_VALUES} (otherwise taken from the spec).
         *
         * @param count the node count
         * @return this builder
         */
        public Builder nodes(int count) {
            this.nodes = count;
            return this;
        }

        /**
         * Whether a deleted Vault pod is recreated (with its double node restarted), as a StatefulSet does
         * (default on).
         *
         * @param enabled {@code false} to leave deleted pods deleted
         * @return this builder
         */
        public Builder statefulSetController(boolean enabled) {
            this.controller = enabled;
            return this;
        }

        /**
         * The cluster the environment runs on, built around the mock client (default:
         * {@link MockCluster#singleNodeK3s}); chaos tests wrap it in a cluster that can be stopped and started.
         *
         * @param factory builds the cluster from the mock client
         * @return this builder
         */
        public Builder cluster(Function<KubernetesClient, KubernetesCluster> factory) {
            this.clusterFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * How the KMS emulator of an awskms seal is obtained (default: a {@link DoubleKms} linked to the Vault
         * double, then available from {@link DoubleBackedEnvironment#kms()}); for example
         * {@code KmsStarter.external(...)} against a KMS API stub.
         *
         * @param starter the starter
         * @return this builder
         */
        public Builder kmsStarter(KmsStarter starter) {
            this.kmsStarter = Objects.requireNonNull(starter, "starter");
            return this;
        }

        /**
         * Whether a failed bring-up keeps the namespace and release in the mock (default off).
         *
         * @param keep {@code true} to keep
         * @return this builder
         */
        public Builder keepOnFailure(boolean keep) {
            this.keepOnFailure = keep;
            return this;
        }

        /**
         * The pod driver of the environment about to start, so a test can change pod statuses from another
         * thread while {@link #start()} waits.
         *
         * @return the driver
         */
        public synchronized PodDriver pods() {
            if (driver == null) {
                driver = new PodDriver(client, name -> initialPods.apply(name), controller);
            }
            return driver;
        }

        /**
         * Brings the environment up.
         *
         * @return the ready fixture
         * @throws dev.vaulttest.BringUpException when the bring-up fails; the double is closed then
         */
        public DoubleBackedEnvironment start() {
            if (spec.tls()) {
                throw new IllegalArgumentException("The double-backed fixture does not support tls(true): the Vault"
                        + " double would need the certificate the bring-up generates.");
            }
            EnvironmentId id = EnvironmentId.random("double");
            PodDriver podDriver = pods();
            FixtureCharts.ChartDirectory chart = FixtureCharts.vaultEnv();
            FakeVaultCluster vault = startDouble(id);
            podDriver.attach(vault);
            DoubleKms[] kms = new DoubleKms[1];
            try {
                beforeBringUp.accept(vault);
                VaultEnvironmentSpec effective = spec.chart() instanceof ChartSource.Repository
                        ? spec.toBuilder().chart(ChartSource.directory(chart.path())).build()
                        : spec;
                StandardEnvironmentFactory factory = StandardEnvironmentFactory.builder()
                        .chartCache(new ChartCache(chart.path().resolve("target-unused-chart-cache")))
                        .installer(new ManifestInstaller(podDriver))
                        .nodeConnectors(cluster -> connector(vault))
                        .kmsStarter(kmsStarter != null ? kmsStarter : (kmsSpec, cluster) -> {
                            kms[0] = DoubleKms.of(kmsSpec.provider(), kmsSpec.region()).attachTo(vault);
                            return kms[0];
                        })
                        .environmentIds(() -> id)
                        .vaultTimeouts(VaultTimeouts.defaults().withConnect(Duration.ofSeconds(2))
                                .withRequest(Duration.ofSeconds(5)))
                        .keepOnFailure(keepOnFailure)
                        .build();
                VaultEnvironment environment = factory.deploy(effective, clusterFactory.apply(client));
                LOG.info("Double-backed environment {} is up", environment);
                return new DoubleBackedEnvironment(environment, vault, podDriver, Optional.ofNullable(kms[0]), chart);
            } catch (RuntimeException e) {
                podDriver.close();
                vault.close();
                chart.close();
                throw e;
            }
        }

        private FakeVaultCluster startDouble(EnvironmentId id) {
            // A joiner unseals in the background after its last share; real Vault takes seconds, the double's
            // default 300 ms. The bring-up only needs it sealed right after that share, so a short delay will do.
            FakeVaultCluster.Builder builder = FakeVaultCluster.builder().namePrefix(id.releaseName() + "-")
                    .nodes(nodeCount()).raftUnsealDelay(Duration.ofMillis(100));
            if (spec.seal() instanceof SealSpec.AwsKms) {
                builder.seal(SealKind.AUTO_UNSEAL);
            }
            if (spec.mode() == DeploymentMode.DEV) {
                builder.devMode(NestedMaps.string(HelmValues.merge(spec.values()).asMap(), "server", "dev", "devRootToken")
                        .orElse("root"));
            }
            vaultOptions.accept(builder);
            return builder.start();
        }

        private int nodeCount() {
            if (nodes != null) {
                return nodes;
            }
            return switch (spec.mode()) {
                case HA_RAFT -> spec.replicas();
                case STANDALONE, DEV -> 1;
                case FROM_VALUES -> 1;
            };
        }

        private static NodeConnector connector(FakeVaultCluster vault) {
            return (namespace, pod, port) -> new FixedNodeConnection(vault.node(pod).uri(), "double " + pod);
        }
    }
}
