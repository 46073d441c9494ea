package dev.vaulttest.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.testkit.real.LabBinaries;
import dev.vaulttest.testkit.real.LocalKmsProcess;
import dev.vaulttest.testkit.real.Poll;
import dev.vaulttest.testkit.real.RealVaultBinaries;
import dev.vaulttest.testkit.real.VaultProcess;
import dev.vaulttest.testkit.real.VaultProcessCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Captures the real Vault's answer for every body the double models and checks the committed recordings against
 * it: the same status and the same shape (field names and JSON types). So the chain holds each build: the double
 * matches the recordings ({@link FakeVaultContractTest}) and the recordings match real Vault (here).
 *
 * <p>Run with {@code -Dvaulttest.record=true} to (re)write the recordings in {@code src/main/resources} instead,
 * secrets replaced by values of the same shape ({@link RecordingRedactor}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordedResponsesRealVaultTest {

    private static final String KMS_ALIAS = "alias/vault-test-recordings";
    /** A well-formed but unsigned JWT; the API server it would be sent to does not exist. */
    private static final String REVIEWER_JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXZpZXdlciJ9.c2lnbmF0dXJl";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Captured> captured = new LinkedHashMap<>();
    private LabBinaries binaries;
    private VaultProcessCluster shamir;
    private String rootToken;
    private final List<String> secretsOfTheRun = new java.util.ArrayList<>();

    /** One real answer. */
    record Captured(String request, int status, JsonNode body) {
    }

    @BeforeAll
    void captureEverything() throws Exception {
        binaries = binaries();
        shamir = VaultProcessCluster.builder(binaries).nodes(3).start();
        captureShamirLifecycle();
        captureAwsKms();
    }

    @AfterAll
    void writeIfRecording() throws IOException {
        if (shamir != null) {
            shamir.close();
        }
        if (Boolean.getBoolean("vaulttest.record") && binaries != null) {
            Path directory = Path.of("src/main/resources/dev/vaulttest/testkit/recorded");
            for (Map.Entry<String, Captured> entry : captured.entrySet()) {
                Files.writeString(directory.resolve(entry.getKey() + ".json"), recordingFile(entry.getValue()));
            }
        }
    }

    @Test
    void every_documented_recording_matches_the_real_servers_answer() {
        Assumptions.assumeFalse(Boolean.getBoolean("vaulttest.record"), "recording: the files are being rewritten");
        assertThat(captured.keySet()).as("recordings the real server provided")
                .containsAll(RecordedResponses.REAL);
        for (String name : RecordedResponses.REAL) {
            Captured real = captured.get(name);
            assertThat(real.status()).as("real status of %s", name).isEqualTo(RecordedResponses.status(name));
            assertThat(JsonShape.differences(RecordedResponses.json(name), real.body(), dataMaps(name)))
                    .as("shape of recorded %s against real Vault %s (re-record with -Dvaulttest.record=true)", name,
                            binaries.vaultVersion())
                    .isEmpty();
        }
    }

    @Test
    void recordings_hold_no_secret_of_the_run() {
        assertThat(secretsOfTheRun).as("root tokens, unseal and recovery keys seen").hasSizeGreaterThan(10);
        for (Map.Entry<String, Captured> entry : captured.entrySet()) {
            String written = recordingFile(entry.getValue());
            for (String secret : secretsOfTheRun) {
                assertThat(written).as(entry.getKey()).doesNotContain(secret);
            }
        }
    }

    // ---- scenarios -------------------------------------------------------------------------------------------

    private void captureShamirLifecycle() throws Exception {
        VaultProcess first = shamir.node(0);
        capture("seal-status-uninitialized", first, "GET", "sys/seal-status", null, null);
        capture("health-uninitialized", first, "GET", "sys/health", null, null);
        JsonNode init = capture("init-shamir", first, "PUT", "sys/init",
                "{\"secret_shares\":3,\"secret_threshold\":2}", null).body();
        rootToken = init.get("root_token").asString();
        rememberSecrets(init);
        List<String> keys = init.get("keys").valueStream().map(JsonNode::asString).toList();
        send(first, "PUT", "sys/unseal", "{\"key\":\"" + keys.get(0) + "\"}", null);
        capture("seal-status-sealed", first, "GET", "sys/seal-status", null, null);
        capture("health-sealed", first, "GET", "sys/health", null, null);
        send(first, "PUT", "sys/unseal", "{\"key\":\"" + keys.get(1) + "\"}", null);
        await(first, "sys/health", null, answer -> answer.status() == 200);
        capture("seal-status-unsealed", first, "GET", "sys/seal-status", null, null);
        capture("health-active", first, "GET", "sys/health", null, null);
        capture("leader-active", first, "GET", "sys/leader", null, null);
        // Autopilot promotes joiners after 10 s by default; 2 s is enough to record a stable cluster.
        send(first, "POST", "sys/storage/raft/autopilot/configuration", "{\"server_stabilization_time\":\"2s\"}",
                rootToken);

        for (int i = 1; i < 3; i++) {
            VaultProcess follower = shamir.node(i);
            Captured joined = send(follower, "POST", "sys/storage/raft/join",
                    "{\"leader_api_addr\":\"" + first.apiAddress() + "\"}", null);
            captured.putIfAbsent("raft-join", joined);
            for (String key : keys) {
                send(follower, "PUT", "sys/unseal", "{\"key\":\"" + key + "\"}", null);
            }
            await(follower, "sys/health", null, answer -> answer.status() == 429);
        }
        await(first, "sys/storage/raft/autopilot/state", rootToken,
                answer -> answer.body().path("data").path("healthy").asBoolean(false)
                        && answer.body().path("data").path("voters").size() == 3);
        // A standby reports its request-forwarding heartbeat once it has had one, a few seconds in.
        captured.put("health-standby", await(shamir.node(1), "sys/health", null,
                answer -> answer.status() == 429 && answer.body().has("ha_connection_healthy")));
        capture("leader-standby", shamir.node(1), "GET", "sys/leader", null, null);
        capture("raft-configuration", first, "GET", "sys/storage/raft/configuration", null, rootToken);
        capture("autopilot-state", first, "GET", "sys/storage/raft/autopilot/state", null, rootToken);

        send(first, "POST", "sys/mounts/kv", "{\"type\":\"kv\",\"options\":{\"version\":\"2\"}}", rootToken);
        await(first, "kv/config", rootToken, answer -> answer.status() == 200);
        send(first, "POST", "kv/data/app", "{\"data\":{\"username\":\"app\"}}", rootToken);
        capture("kv-write", first, "POST", "kv/data/app", "{\"data\":{\"username\":\"app\",\"password\":\"x\"}}",
                rootToken);
        capture("kv-read", first, "GET", "kv/data/app", null, rootToken);

        send(first, "POST", "sys/auth/kubernetes", "{\"type\":\"kubernetes\"}", rootToken);
        // Outside a pod there is no local ServiceAccount token: name a reviewer JWT, as the chart's pods need not.
        send(first, "POST", "auth/kubernetes/config", "{\"kubernetes_host\":\"https://127.0.0.1:1\","
                + "\"disable_local_ca_jwt\":true,\"token_reviewer_jwt\":\"" + REVIEWER_JWT + "\"}", rootToken);
        capture("role-write-warning", first, "POST", "auth/kubernetes/role/app",
                "{\"bound_service_account_names\":[\"app\"],\"bound_service_account_namespaces\":[\"team-a\"],"
                        + "\"token_policies\":[\"app-read\"],\"token_ttl\":3600}", rootToken);
        capture("error", first, "POST", "auth/kubernetes/login", "{\"role\":\"app\",\"jwt\":\"not-a-jwt\"}", null);
    }

    private void captureAwsKms() throws Exception {
        try (LocalKmsProcess kms = LocalKmsProcess.start(binaries)) {
            createKeyWithAlias(kms);
            try (VaultProcessCluster vault = VaultProcessCluster.builder(binaries).nodes(1)
                    .awsKms(new VaultProcessCluster.AwsKms(kms.endpoint(), kms.region(), KMS_ALIAS)).start()) {
                VaultProcess node = vault.node(0);
                rememberSecrets(capture("init-awskms", node, "PUT", "sys/init",
                        "{\"recovery_shares\":3,\"recovery_threshold\":2}", null).body());
                await(node, "sys/seal-status", null, answer -> !answer.body().path("sealed").asBoolean(true));
                capture("seal-status-awskms-unsealed", node, "GET", "sys/seal-status", null, null);
            }
        }
    }

    /** Creates the seal key through local-kms's API (the core module's KMS client is not visible here). */
    private void createKeyWithAlias(LocalKmsProcess kms) throws Exception {
        JsonNode key = kmsCall(kms, "CreateKey", "{\"Description\":\"vault-test recordings\"}");
        String keyId = key.path("KeyMetadata").path("KeyId").asString();
        kmsCall(kms, "CreateAlias", "{\"AliasName\":\"" + KMS_ALIAS + "\",\"TargetKeyId\":\"" + keyId + "\"}");
    }

    private JsonNode kmsCall(LocalKmsProcess kms, String action, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(kms.endpoint())
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "TrentService." + action)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("local-kms %s: %s", action, response.body()).isEqualTo(200);
        return Reply.JSON.readTree(response.body());
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private void rememberSecrets(JsonNode init) {
        secretsOfTheRun.add(init.path("root_token").asString());
        for (String field : List.of("keys", "keys_base64", "recovery_keys", "recovery_keys_base64")) {
            init.path(field).valueStream().map(JsonNode::asString).forEach(secretsOfTheRun::add);
        }
    }

    private static LabBinaries binaries() {
        return RealVaultBinaries.require();
    }

    private static Set<String> dataMaps(String name) {
        return switch (name) {
            case "autopilot-state" -> Set.of("/data/servers");
            case "kv-read" -> Set.of("/data/data");
            default -> Set.of();
        };
    }

    private Captured capture(String name, VaultProcess node, String method, String path, String body, String token)
            throws IOException, InterruptedException {
        Captured answer = send(node, method, path, body, token);
        captured.put(name, answer);
        return answer;
    }

    private Captured await(VaultProcess node, String path, String token, Predicate<Captured> done) {
        return Poll.until(node.name() + " " + path, Duration.ofSeconds(90), Duration.ofMillis(200), () -> {
            try {
                return send(node, "GET", path, null, token);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Poll.AbortedException("interrupted");
            }
        }, done, answer -> answer.status() + " " + RecordingRedactor.redact(answer.body()));
    }

    private Captured send(VaultProcess node, String method, String path, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.apiAddress() + "/v1/" + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-Vault-Token", token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? Reply.JSON.missingNode() : Reply.JSON.readTree(response.body());
        return new Captured(method + " /v1/" + path, response.statusCode(), json);
    }

    private String recordingFile(Captured answer) {
        ObjectNode file = Reply.JSON.createObjectNode();
        file.put("recorded_from", "Vault " + binaries.vaultVersion() + " (real server, lab/build-binaries), by "
                + getClass().getSimpleName() + "; secrets replaced by values of the same shape");
        file.put("request", answer.request());
        file.put("status", answer.status());
        file.set("body", RecordingRedactor.redact(answer.body()));
        return Reply.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(file) + "\n";
    }
}
