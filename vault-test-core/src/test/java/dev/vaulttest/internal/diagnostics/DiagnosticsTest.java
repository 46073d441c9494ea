package dev.vaulttest.internal.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.DeploymentMode;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.engine.DoubleBackedEnvironment;
import dev.vaulttest.fixture.EnvironmentOverride;
import dev.vaulttest.kms.SealSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true, https = false)
class DiagnosticsTest {

    private static final String LEAKED_TOKEN = "hvs.CAESIJq3x9vZk2mQpL0aWcY7tRn5uE1oB8dF";

    KubernetesClient client;
    KubernetesMockServer server;

    @TempDir
    Path dir;

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }

    @Test
    void writesEveryKindOfDiagnosticsWithSecretsRedacted() throws IOException {
        try (DoubleBackedEnvironment fixture = DoubleBackedEnvironment.start(client,
                DoubleBackedEnvironment.spec().build())) {
            VaultEnvironment env = fixture.environment();
            String pod = env.releaseName() + "-0";
            server.expect().get().withPath("/api/v1/namespaces/" + env.namespace() + "/pods/" + pod
                    + "/log?pretty=false&container=vault")
                    .andReturn(200, "==> Vault server started!\nRoot Token: " + LEAKED_TOKEN + "\n").always();

            DiagnosticsSummary summary = Diagnostics.collect(env, dir);

            assertThat(summary.errors()).isEmpty();
            assertThat(summary.files()).extracting(Path::toString).contains("timeline.json", "effective-values.yaml",
                    "adjustments.txt", "helm-history.txt", "vault-status.txt", "statefulsets.yaml", "pods.yaml",
                    "pvcs.yaml", "events.txt", "pods/" + pod + "/vault.log");
            assertThat(read(dir.resolve("pods/" + pod + "/vault.log"))).contains("Vault server started")
                    .doesNotContain(LEAKED_TOKEN);
            assertThat(read(dir.resolve("vault-status.txt"))).contains("[raft peers]")
                    .contains(env.releaseName() + "-2").contains("voter").contains("seal: type=shamir");
            assertThat(read(dir.resolve("timeline.json"))).contains("\"phase\" : \"ready\"");
            assertThat(read(dir.resolve("helm-history.txt"))).contains("deployed");
            assertThat(read(dir.resolve("statefulsets.yaml"))).contains("name: \"" + env.releaseName() + "\"");
            assertThat(read(dir.resolve("adjustments.txt"))).contains("server.ha.replicas");
            String everything = String.join("\n", summary.files().stream().map(f -> {
                try {
                    return read(dir.resolve(f));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList());
            assertThat(everything).doesNotContain(env.rootToken().reveal());
            env.unsealKeys().forEach(key -> assertThat(everything).doesNotContain(key.reveal()));
        }
    }

    @Test
    void aFailingCollectorIsRecordedAndTheOthersStillWrite() throws IOException {
        try (DoubleBackedEnvironment fixture = DoubleBackedEnvironment.start(client, DoubleBackedEnvironment.spec()
                .mode(DeploymentMode.STANDALONE).seal(SealSpec.shamir(1, 1)).build())) {
            VaultEnvironment env = withBrokenHelmHistory(fixture.environment());

            DiagnosticsSummary summary = Diagnostics.collect(env, dir);

            assertThat(summary.errors()).singleElement().asString()
                    .startsWith("helm-history: ").contains("the Helm storage is gone");
            assertThat(read(dir.resolve(Diagnostics.ERRORS_FILE))).contains("helm-history").doesNotContain(LEAKED_TOKEN);
            assertThat(summary.errors()).noneMatch(line -> line.contains(LEAKED_TOKEN));
            assertThat(dir.resolve("helm-history.txt")).doesNotExist();
            assertThat(dir.resolve("vault-status.txt")).exists();
            assertThat(dir.resolve("timeline.json")).exists();
            assertThat(summary.describe()).contains("1 collector(s) failed");
        }
    }

    private static VaultEnvironment withBrokenHelmHistory(VaultEnvironment real) {
        return EnvironmentOverride.of(real).answer("releaseHistory", args -> {
            throw new IllegalStateException("the Helm storage is gone, X-Vault-Token: " + LEAKED_TOKEN);
        }).build();
    }
}
