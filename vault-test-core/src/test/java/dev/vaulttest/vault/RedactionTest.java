package dev.vaulttest.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.testkit.FakeVaultCluster;
import dev.vaulttest.testkit.SealKind;
import dev.vaulttest.vault.VaultNodeClient.InitRequest;
import dev.vaulttest.vault.VaultNodeClient.InitResult;
import dev.vaulttest.vault.VaultNodeClient.RaftJoinRequest;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every operation, success and failure, formats every record and exception it produces and captures every
 * log line (slf4j-simple writes to System.err, see simplelogger.properties), then looks for every secret.
 */
class RedactionTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final List<String> formatted = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();
    private PrintStream originalErr;

    @BeforeEach
    void captureLogs() {
        originalErr = System.err;
        System.setErr(new PrintStream(new TeeStream(originalErr, captured), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLogs() {
        System.setErr(originalErr);
    }

    private <T> T record(T value) {
        formatted.add(String.valueOf(value));
        return value;
    }

    private void failure(Runnable action) {
        try {
            action.run();
            formatted.add("no exception");
        } catch (RuntimeException e) {
            Throwable current = e;
            while (current != null) {
                formatted.add(current.toString());
                formatted.add(String.valueOf(current.getMessage()));
                current = current.getCause();
            }
            if (e instanceof VaultApiException api) {
                formatted.add(api.errors().toString());
            }
        }
    }

    private <T> void result(Supplier<T> action) {
        try {
            record(action.get());
        } catch (RuntimeException e) {
            failure(() -> {
                throw e;
            });
        }
    }

    private void secret(Sensitive value) {
        secrets.add(value.reveal());
    }

    private void secrets(List<Sensitive> values) {
        values.forEach(this::secret);
    }

    @Test
    void noSecretAppearsInRecordsExceptionsOrLogs() {
        try (FakeVaultCluster cluster = FakeVaultCluster.builder().nodes(2).start();
                FakeVaultCluster other = FakeVaultCluster.builder().start();
                FakeVaultCluster kms = FakeVaultCluster.builder().seal(SealKind.AUTO_UNSEAL).start()) {
            shamirLifecycle(cluster, other);
            autoUnsealInit(kms);
            echoingServer();
        }
        String logs = captured.toString(StandardCharsets.UTF_8);

        assertThat(logs).as("the library logged something").contains("Initialised node vault-0", "unseal progress",
                "Kubernetes login", "denied", "/v1/sys/seal-status", "POST /v1/kv/data/app -> 200",
                "GET /v1/kv/data/app -> 403");
        assertThat(formatted).as("formatted records and exceptions").hasSizeGreaterThan(40);
        assertThat(secrets).as("secrets collected").hasSizeGreaterThan(15);
        for (String secret : secrets) {
            assertThat(logs).as("log output").doesNotContain(secret);
            for (String text : formatted) {
                assertThat(text).as("formatted output").doesNotContain(secret);
            }
        }
    }

    private void shamirLifecycle(FakeVaultCluster cluster, FakeVaultCluster other) {
        VaultNodeClient first = FakeNodes.client(cluster, 0);
        record(first);
        record(first.sealStatus());
        record(first.health());
        InitResult init = record(first.init(InitRequest.shamir(3, 2)));
        secrets(init.keys());
        secrets(init.keysBase64());
        secret(init.rootToken());
        record(first.unseal(init.keys(), this::record));
        VaultNodeClient root = record(first.withToken(init.rootToken()));
        record(root.leader());
        VaultNodeClient joiner = FakeNodes.client(cluster, 1);
        record(RaftJoinRequest.to(cluster.node(0).apiAddress()).withLeaderCaCert("-----BEGIN CERTIFICATE-----"));
        joiner.raftJoin(RaftJoinRequest.to(cluster.node(0).apiAddress()));
        record(joiner.unseal(init.keysBase64()));
        record(root.raftConfiguration());
        record(root.autopilotState());

        InitResult foreign = FakeNodes.client(other, 0).init(InitRequest.shamir(1, 1));
        secrets(foreign.keys());
        secret(foreign.rootToken());
        root.seal();
        failure(() -> first.unseal(foreign.keys()));
        record(first.resetUnseal());
        first.unseal(init.keys());

        root.enableKvV2("kv");
        String kvValue = "kv-secret-value-4242";
        secrets.add(kvValue);
        record(root.putSecret("kv", "app", Map.of("password", kvValue)));
        record(root.getSecret("kv", "app"));
        record(root.saveSnapshot(dir.resolve("a.snap")));

        Sensitive wrongToken = Sensitive.of("hvs.WrongTokenWrongTokenWrong1");
        secret(wrongToken);
        VaultNodeClient wrong = first.withToken(wrongToken);
        failure(wrong::raftConfiguration);
        failure(() -> wrong.getSecret("kv", "app"));
        failure(() -> wrong.putSecret("kv", "app", Map.of("password", kvValue)));

        Sensitive reviewer = Sensitive.of("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXZpZXdlciJ9.c2lnbmF0dXJlLXJldmlld2Vy");
        secret(reviewer);
        root.enableKubernetesAuth("kubernetes");
        KubernetesAuthConfig config = record(KubernetesAuthConfig.builder("https://kubernetes.default.svc")
                .tokenReviewerJwt(reviewer).build());
        root.configureKubernetesAuth("kubernetes", config);
        record(root.writeKubernetesRole("kubernetes", KubernetesRole.builder("app").boundServiceAccountNames("app")
                .boundServiceAccountNamespaces("team-a").ttl(Duration.ofMinutes(5)).build()));
        Sensitive goodJwt = Sensitive.of(cluster.kubernetes().issueServiceAccountToken("team-a", "app"));
        Sensitive badJwt = Sensitive.of(cluster.kubernetes().issueServiceAccountToken("team-a", "intruder"));
        secret(goodJwt);
        secret(badJwt);
        LoginResult success = record(root.loginKubernetes("app", goodJwt));
        secret(((LoginResult.Success) success).clientToken());
        secret(((LoginResult.Success) success).accessor());
        record(root.loginKubernetes("app", badJwt));
        record(root.loginKubernetes("missing-role", goodJwt));
    }

    private void autoUnsealInit(FakeVaultCluster kms) {
        InitResult init = record(FakeNodes.client(kms, 0).init(InitRequest.autoUnseal(2, 1)));
        secrets(init.recoveryKeys());
        secrets(init.recoveryKeysBase64());
        secret(init.rootToken());
    }

    /** A server that echoes the request body and token into its error strings, as a careless proxy might. */
    private void echoingServer() {
        try (StubVault stub = StubVault.with(request -> new StubVault.Answer(400, "application/json",
                ("{\"errors\":[" + quote("bad request: " + request) + "]}").getBytes(StandardCharsets.UTF_8),
                Duration.ZERO))) {
            Sensitive token = Sensitive.of("hvs.EchoedTokenEchoedTokenEcho1");
            Sensitive jwt = Sensitive.of("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJlY2hvIn0.ZWNob2VkLXNpZ25hdHVyZQ");
            Sensitive key = Sensitive.of("d2f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3");
            Sensitive shortKey = Sensitive.of("short-unseal-key-7");
            secret(token);
            secret(jwt);
            secret(key);
            secret(shortKey);
            VaultNodeClient client = VaultNodeClient.create(VaultEndpoint.of("echo", stub.uri())).withToken(token);
            result(() -> client.loginKubernetes("app", jwt));
            failure(() -> client.unseal(List.of(key)));
            failure(() -> client.unseal(List.of(shortKey)));
            failure(client::raftConfiguration);
            failure(() -> client.configureKubernetesAuth("kubernetes", KubernetesAuthConfig
                    .builder("https://kubernetes.default.svc").tokenReviewerJwt(jwt).build()));
            failure(() -> client.getSecret("kv", "app"));
            failure(() -> client.putSecret("kv", "app", Map.of("k", "v")));
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** Writes to the original stream and to the capture. */
    private static final class TeeStream extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        TeeStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
