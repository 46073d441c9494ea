package dev.vaulttest.chaos;

import dev.vaulttest.report.RecoveryMeasurement;
import dev.vaulttest.testkit.FakeVaultCluster;
import dev.vaulttest.testkit.SealKind;
import dev.vaulttest.vault.KubernetesAuthConfig;
import dev.vaulttest.vault.KubernetesRole;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything a chaos test needs without Docker: a seeded mock release, the Vault double bootstrapped to a working
 * raft cluster, controllers the mock lacks, the token authority, the environment, and {@link Chaos} with short
 * timeouts whose measurements are collected in {@link #measurements}.
 */
final class ChaosWorld implements AutoCloseable {

    static {
        // the mock logs every request at INFO; the controllers poll, so that would flood the test output
        java.util.logging.Logger.getLogger("io.fabric8.mockwebserver").setLevel(java.util.logging.Level.WARNING);
    }

    final KubernetesMockServer server;
    final KubernetesClient client;
    final FakeVaultCluster vault;
    final MockRelease release;
    final MockControllers controllers;
    final TokenAuthority tokens;
    final FakeCluster cluster;
    final Optional<FakeKms> kms;
    final ChaosTestEnvironment env;
    final List<RecoveryMeasurement> measurements = new CopyOnWriteArrayList<>();
    final Chaos chaos;

    private ChaosWorld(KubernetesMockServer server, KubernetesClient client, SealKind seal, String reclaimPolicy,
            boolean restartable, boolean keyDisable) {
        this.server = server;
        this.client = client;
        this.vault = FakeVaultCluster.builder().nodes(3).seal(seal).start();
        FakeVaultCluster.Bootstrap keys = vault.bootstrap(3, 2);
        this.release = new MockRelease(client, 3, reclaimPolicy);
        release.seed();
        this.controllers = new MockControllers(client, vault, release);
        this.tokens = new TokenAuthority(server, client, vault).serveTokenRequests("app", "vault", "default",
                "app-v2");
        this.cluster = new FakeCluster(client, restartable);
        this.kms = seal == SealKind.AUTO_UNSEAL ? Optional.of(new FakeKms(vault, keyDisable)) : Optional.empty();
        kms.ifPresent(k -> k.createKeyWithAlias(MockRelease.KMS_ALIAS));
        this.env = new ChaosTestEnvironment(client, vault, cluster, kms.map(k -> k), keys);
        this.chaos = Chaos.on(env, fastOptions().measurementListener(measurements::add).build());
    }

    static ChaosWorld shamir(KubernetesMockServer server, KubernetesClient client) {
        return new ChaosWorld(server, client, SealKind.SHAMIR, "Retain", true, true);
    }

    static ChaosWorld autoUnseal(KubernetesMockServer server, KubernetesClient client) {
        return new ChaosWorld(server, client, SealKind.AUTO_UNSEAL, "Retain", true, true);
    }

    static ChaosWorld with(KubernetesMockServer server, KubernetesClient client, SealKind seal, String reclaimPolicy,
            boolean restartable, boolean keyDisable) {
        return new ChaosWorld(server, client, seal, reclaimPolicy, restartable, keyDisable);
    }

    static ChaosOptions.Builder fastOptions() {
        return ChaosOptions.builder().faultTimeout(Duration.ofSeconds(5)).recoveryTimeout(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50)).canaryTimeout(Duration.ofSeconds(5));
    }

    /** Chaos with other options (the measurements still land in {@link #measurements}). */
    Chaos chaos(ChaosOptions.Builder options) {
        return Chaos.on(env, options.measurementListener(measurements::add).build());
    }

    /** Enables Kubernetes auth on the double with a role {@code app} binding service account {@code app}. */
    void kubernetesAuth() {
        var root = env.client();
        root.enableKubernetesAuth("kubernetes");
        root.configureKubernetesAuth("kubernetes", KubernetesAuthConfig.builder("https://10.43.0.1:443").build());
        root.writeKubernetesRole("kubernetes", KubernetesRole.builder("app").boundServiceAccountNames("app")
                .boundServiceAccountNamespaces(MockRelease.NAMESPACE).policies("default").build());
    }

    @Override
    public void close() {
        controllers.close();
        tokens.close();
        env.close();
        vault.close();
    }
}
