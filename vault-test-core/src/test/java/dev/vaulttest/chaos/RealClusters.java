package dev.vaulttest.chaos;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.cluster.KubernetesCluster;
import dev.vaulttest.fixture.RealClusterSettings;
import dev.vaulttest.vault.KubernetesAuthConfig;
import dev.vaulttest.vault.KubernetesRole;
import dev.vaulttest.vault.VaultNodeClient;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import java.time.Duration;
import java.util.Map;

/**
 * Shared steps of the real-cluster chaos tests: Vault environments brought up by the library's real factory on the
 * class's cluster ({@link dev.vaulttest.fixture.ClusterForClass}) with this run's Vault image and KMS
 * ({@link RealClusterSettings}), chaos with this run's canary image, and Kubernetes auth with a role {@code app} for
 * a client service account {@code app}.
 */
final class RealClusters {

    /** Long enough for a cold CI runner: a pod restart can include an image pull and a kubelet back-off. */
    static final Duration RECOVERY = Duration.ofMinutes(5);
    static final Duration SETTLE = Duration.ofMinutes(5);

    private RealClusters() {
    }

    /** The spec deployed as this run does: its Vault image, its KMS (see {@link RealClusterSettings#fit}). */
    static VaultEnvironment deploy(VaultEnvironmentSpec spec, KubernetesCluster cluster) {
        return RealClusterSettings.current().deploy(spec, cluster);
    }

    /** Chaos with timeouts for real clusters and this run's canary image, measurements printed for the run's log. */
    static Chaos chaos(VaultEnvironment env) {
        ChaosOptions.Builder options = ChaosOptions.builder().faultTimeout(Duration.ofMinutes(3))
                .recoveryTimeout(RECOVERY).measurementListener(m -> System.out.println("measurement: " + m));
        RealClusterSettings.current().canaryImage().ifPresent(options::canaryImage);
        return Chaos.on(env, options.build());
    }

    /** Whether this run's KMS emulator is the library's container, which {@code kmsOutage()} can pause. */
    static boolean kmsCanBePaused() {
        return RealClusterSettings.current().kmsEndpoint().isEmpty();
    }

    /** Every node unsealed again (Shamir keys from the environment) and the ready gate holding. */
    static void settle(VaultEnvironment env) {
        env.unsealAll(SETTLE);
        env.awaitReady(SETTLE);
    }

    /**
     * Creates service account {@code app} and enables Kubernetes auth with a role {@code app} bound to it. Vault
     * reviews tokens with its own service account (the chart binds it to system:auth-delegator). No login is made
     * here, so Vault holds no open connection to the API server yet.
     */
    static void kubernetesAuth(VaultEnvironment env) {
        env.kubernetes().serviceAccounts().inNamespace(env.namespace()).resource(new ServiceAccountBuilder()
                .withNewMetadata().withName("app").withNamespace(env.namespace()).endMetadata().build()).create();
        VaultNodeClient root = env.client();
        root.enableKubernetesAuth("kubernetes");
        root.configureKubernetesAuth("kubernetes", KubernetesAuthConfig.builder("https://kubernetes.default.svc")
                .build());
        root.writeKubernetesRole("kubernetes", KubernetesRole.builder("app").boundServiceAccountNames("app")
                .boundServiceAccountNamespaces(env.namespace()).policies("default").build());
    }

    /** Writes a secret to a kv-v2 mount of its own and returns what was written. */
    static Map<String, String> writeSecret(VaultEnvironment env) {
        Map<String, String> data = Map.of("password", "chaos-" + System.nanoTime());
        env.client().enableKvV2("chaos-kv");
        env.client().putSecret("chaos-kv", "app/db", data);
        return data;
    }

    static Map<String, String> readSecret(VaultEnvironment env) {
        return env.client().getSecret("chaos-kv", "app/db").orElseThrow(() -> new AssertionError(
                "secret chaos-kv/app/db is gone")).data();
    }
}
