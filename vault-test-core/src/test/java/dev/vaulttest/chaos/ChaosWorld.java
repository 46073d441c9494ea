package dev.vaulttest.chaos;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultNode;
import dev.vaulttest.cluster.KubernetesCluster;
import dev.vaulttest.engine.DoubleBackedEnvironment;
import dev.vaulttest.fixture.DoubleKms;
import dev.vaulttest.fixture.EnvironmentOverride;
import dev.vaulttest.fixture.MockCluster;
import dev.vaulttest.kms.KmsEmulator;
import dev.vaulttest.kms.KmsProvider;
import dev.vaulttest.kms.SealSpec;
import dev.vaulttest.testkit.FakeVaultCluster;
import dev.vaulttest.timing.RecoveryMeasurement;
import dev.vaulttest.vault.KubernetesAuthConfig;
import dev.vaulttest.vault.KubernetesRole;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Everything a chaos test needs without Docker: the double-backed fixture (the library's real environment over
 * fabric8's CRUD mock and the Vault double, brought up by the real factory) with a restartable cluster, what a
 * real cluster adds around a release ({@link MockExtras}), the controllers chaos needs ({@link MockControllers}),
 * the token side of the API server ({@link TokenAuthority}), and {@link Chaos} with short timeouts whose
 * measurements are collected in {@link #measurements}.
 */
final class ChaosWorld implements AutoCloseable {

    static {
        // the mock logs every request at INFO; the controllers poll, so that would flood the test output
        java.util.logging.Logger.getLogger("io.fabric8.mockwebserver").setLevel(java.util.logging.Level.WARNING);
    }

    final KubernetesMockServer server;
    final KubernetesClient client;
    final DoubleBackedEnvironment fixture;
    final VaultEnvironment env;
    final FakeVaultCluster vault;
    final RestartableCluster cluster;
    final MockExtras extras;
    final MockControllers controllers;
    final TokenAuthority tokens;
    final List<RecoveryMeasurement> measurements = new CopyOnWriteArrayList<>();
    final Chaos chaos;

    private ChaosWorld(KubernetesMockServer server, KubernetesClient client, SealSpec seal, String reclaimPolicy,
            boolean restartable) {
        this(server, client, seal, reclaimPolicy, restartable, "raft");
    }

    private ChaosWorld(KubernetesMockServer server, KubernetesClient client, SealSpec seal, String reclaimPolicy,
            boolean restartable, String storageType) {
        this(server, client, seal, reclaimPolicy, restartable, storageType, null);
    }

    /** With {@code otherCluster} set, the environment runs on that cluster instead of the mock's (wrapped) one. */
    private ChaosWorld(KubernetesMockServer server, KubernetesClient client, SealSpec seal, String reclaimPolicy,
            boolean restartable, String storageType, Function<KubernetesClient, KubernetesCluster> otherCluster) {
        this.server = server;
        this.client = client;
        RestartableCluster[] wrapped = new RestartableCluster[1];
        this.fixture = DoubleBackedEnvironment.builder(client)
                .spec(DoubleBackedEnvironment.spec().replicas(3).seal(seal).build())
                .vault(b -> b.storageType(storageType))
                .statefulSetController(false)
                .cluster(otherCluster != null ? otherCluster : c -> {
                    wrapped[0] = new RestartableCluster(MockCluster.singleNodeK3s(c));
                    return restartable ? wrapped[0] : MockCluster.singleNodeK3s(c);
                })
                .start();
        this.cluster = wrapped[0];
        this.env = fixture.environment();
        this.vault = fixture.vault();
        this.extras = new MockExtras(client, env.namespace(), reclaimPolicy);
        extras.seed(statefulSet(), pods());
        this.controllers = new MockControllers(client, vault, extras, env.namespace(), statefulSet(), pods());
        this.tokens = new TokenAuthority(server, client, vault, env.namespace()).serveTokenRequests("app", "vault",
                "default", "app-v2");
        this.chaos = Chaos.on(env, fastOptions().measurementListener(measurements::add).build());
    }

    static ChaosWorld shamir(KubernetesMockServer server, KubernetesClient client) {
        return new ChaosWorld(server, client, SealSpec.defaults(), "Retain", true);
    }

    /** Three Shamir nodes whose Vault reports another storage than raft, such as {@code file}. */
    static ChaosWorld withStorage(KubernetesMockServer server, KubernetesClient client, String storageType) {
        return new ChaosWorld(server, client, SealSpec.defaults(), "Retain", true, storageType);
    }

    static ChaosWorld autoUnseal(KubernetesMockServer server, KubernetesClient client) {
        return new ChaosWorld(server, client, SealSpec.awsKms(KmsProvider.LOCALSTACK), "Retain", true);
    }

    static ChaosWorld with(KubernetesMockServer server, KubernetesClient client, SealSpec seal, String reclaimPolicy,
            boolean restartable) {
        return new ChaosWorld(server, client, seal, reclaimPolicy, restartable);
    }

    /**
     * Three auto-unsealed nodes on a cluster of the test's own, for example an {@code ExistingCluster} connected
     * to the mock server; {@link #cluster} is then {@code null}.
     */
    static ChaosWorld onCluster(KubernetesMockServer server, KubernetesClient client, SealSpec seal,
            Function<KubernetesClient, KubernetesCluster> cluster) {
        return new ChaosWorld(server, client, seal, "Retain", false, "raft", cluster);
    }

    static ChaosOptions.Builder fastOptions() {
        return ChaosOptions.builder().faultTimeout(Duration.ofSeconds(5)).recoveryTimeout(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50)).canaryTimeout(Duration.ofSeconds(5));
    }

    /** Chaos with other options (the measurements still land in {@link #measurements}). */
    Chaos chaos(ChaosOptions.Builder options) {
        return Chaos.on(env, options.measurementListener(measurements::add).build());
    }

    /** Chaos over the same environment seen with another KMS emulator (for emulators that misbehave). */
    Chaos chaosWithKms(KmsEmulator kms, ChaosOptions.Builder options) {
        VaultEnvironment swapped = EnvironmentOverride.of(env).answer("kms", args -> Optional.of(kms)).build();
        return Chaos.on(swapped, options.measurementListener(measurements::add).build());
    }

    String namespace() {
        return env.namespace();
    }

    String statefulSet() {
        return env.releaseName();
    }

    String pod(int ordinal) {
        return env.releaseName() + "-" + ordinal;
    }

    List<String> pods() {
        return env.nodes().stream().map(VaultNode::name).toList();
    }

    String leader() {
        return vault.leader().orElseThrow().name();
    }

    DoubleKms kms() {
        return fixture.kms().orElseThrow();
    }

    /** Enables Kubernetes auth on the double with a role {@code app} binding service account {@code app}. */
    void kubernetesAuth() {
        var root = env.client();
        root.enableKubernetesAuth("kubernetes");
        root.configureKubernetesAuth("kubernetes", KubernetesAuthConfig.builder("https://10.43.0.1:443").build());
        root.writeKubernetesRole("kubernetes", KubernetesRole.builder("app").boundServiceAccountNames("app")
                .boundServiceAccountNamespaces(namespace()).policies("default").build());
    }

    @Override
    public void close() {
        controllers.close();
        tokens.close();
        fixture.close();
    }
}
