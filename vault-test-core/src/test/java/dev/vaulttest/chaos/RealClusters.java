package dev.vaulttest.chaos;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.Versions;
import dev.vaulttest.cluster.K3sCluster;
import dev.vaulttest.cluster.K3sClusterSpec;
import dev.vaulttest.vault.KubernetesAuthConfig;
import dev.vaulttest.vault.KubernetesRole;
import dev.vaulttest.vault.VaultNodeClient;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Shared steps of the Docker-gated chaos tests: a k3s cluster (with the canary image preloaded when the host has
 * it), Vault environments brought up by the library's real factory on it, and Kubernetes auth with a role
 * {@code app} for a client service account {@code app}.
 */
final class RealClusters {

    /** Long enough for a cold CI runner: a pod restart can include an image pull and a kubelet back-off. */
    static final Duration RECOVERY = Duration.ofMinutes(5);
    static final Duration SETTLE = Duration.ofMinutes(5);

    private RealClusters() {
    }

    static K3sCluster startK3s() {
        return K3sCluster.start(K3sClusterSpec.builder()
                .preloadImages(List.of(Versions.VAULT_IMAGE, Versions.CANARY_IMAGE)).build());
    }

    static VaultEnvironment deploy(VaultEnvironmentSpec spec, K3sCluster cluster) {
        return VaultEnvironment.start(spec, cluster);
    }

    /** Chaos with timeouts for real clusters, measurements printed for the run's log. */
    static Chaos chaos(VaultEnvironment env) {
        return Chaos.on(env, ChaosOptions.builder().faultTimeout(Duration.ofMinutes(3)).recoveryTimeout(RECOVERY)
                .measurementListener(m -> System.out.println("measurement: " + m)).build());
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
