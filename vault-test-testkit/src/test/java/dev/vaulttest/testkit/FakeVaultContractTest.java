package dev.vaulttest.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The double's answers against the recorded, documented bodies: same status code, same field names, same JSON
 * types, field by field. A change to the double that drifts from Vault's documented shapes fails here.
 */
class FakeVaultContractTest {

    private static final Set<String> NO_MAPS = Set.of();

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeVaultCluster cluster;

    @BeforeEach
    void start() {
        cluster = FakeVaultCluster.builder().nodes(3).start();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void uninitialisedNodeMatchesDocumentedSealStatusAndHealth() throws Exception {
        assertShape(get(0, "sys/seal-status", null), 200, "seal-status-uninitialized", NO_MAPS);
        assertShape(get(0, "sys/health", null), 501, "health-uninitialized", NO_MAPS);
    }

    @Test
    void shamirInitAnswersKeysAndRootTokenOnly() throws Exception {
        assertShape(send(0, "PUT", "sys/init", "{\"secret_shares\":5,\"secret_threshold\":3}", null), 200,
                "init-shamir", NO_MAPS);
    }

    @Test
    void sealedNodeWithProgressMatchesDocumentedShapes() throws Exception {
        JsonNode init = send(0, "PUT", "sys/init", "{\"secret_shares\":5,\"secret_threshold\":3}", null).json();
        send(0, "PUT", "sys/unseal", "{\"key\":\"" + init.get("keys").get(0).asString() + "\"}", null);

        assertShape(get(0, "sys/seal-status", null), 200, "seal-status-sealed", NO_MAPS);
        assertShape(get(0, "sys/health", null), 503, "health-sealed", NO_MAPS);
    }

    @Test
    void activeAndStandbyNodesMatchDocumentedShapes() throws Exception {
        FakeVaultCluster.Bootstrap keys = cluster.bootstrap(5, 3);
        String active = cluster.leader().orElseThrow().name();
        int activeIndex = cluster.nodes().indexOf(cluster.node(active));
        int standbyIndex = (activeIndex + 1) % 3;

        assertShape(get(activeIndex, "sys/seal-status", null), 200, "seal-status-unsealed", NO_MAPS);
        assertShape(get(activeIndex, "sys/health", null), 200, "health-active", NO_MAPS);
        assertShape(get(activeIndex, "sys/leader", null), 200, "leader-active", NO_MAPS);
        assertShape(get(standbyIndex, "sys/health", null), 429, "health-standby", NO_MAPS);
        assertShape(get(standbyIndex, "sys/leader", null), 200, "leader-standby", NO_MAPS);
        assertShape(get(standbyIndex, "sys/storage/raft/configuration", keys.rootToken()), 200,
                "raft-configuration", NO_MAPS);
        assertShape(get(standbyIndex, "sys/storage/raft/autopilot/state", keys.rootToken()), 200, "autopilot-state",
                Set.of("/data/servers"));
    }

    @Test
    void joinAnswersJoined() throws Exception {
        JsonNode init = send(0, "PUT", "sys/init", "{\"secret_shares\":1,\"secret_threshold\":1}", null).json();
        send(0, "PUT", "sys/unseal", "{\"key\":\"" + init.get("keys_base64").get(0).asString() + "\"}", null);
        assertThat(get(0, "sys/health", null).status()).isEqualTo(200);

        assertShape(send(1, "POST", "sys/storage/raft/join",
                "{\"leader_api_addr\":\"" + cluster.node(0).apiAddress() + "\"}", null), 200, "raft-join", NO_MAPS);
    }

    @Test
    void autoUnsealClusterMatchesDocumentedInitAndSealStatus() throws Exception {
        try (FakeVaultCluster kms = FakeVaultCluster.builder().seal(SealKind.AUTO_UNSEAL).start()) {
            Answer init = send(kms, 0, "PUT", "sys/init", "{\"recovery_shares\":1,\"recovery_threshold\":1}", null);
            assertShape(init, 200, "init-awskms", NO_MAPS);
            assertShape(send(kms, 0, "GET", "sys/seal-status", null, null), 200, "seal-status-awskms-unsealed",
                    NO_MAPS);
        }
    }

    @Test
    void devModeMatchesDocumentedSignature() throws Exception {
        try (FakeVaultCluster dev = FakeVaultCluster.builder().devMode("root").start()) {
            assertShape(send(dev, 0, "GET", "sys/seal-status", null, null), 200, "seal-status-dev", NO_MAPS);
            assertShape(send(dev, 0, "GET", "sys/leader", null, null), 200, "leader-dev", NO_MAPS);
        }
    }

    @Test
    void kvWriteAndReadMatchDocumentedEnvelopes() throws Exception {
        String root = cluster.bootstrap(1, 1).rootToken();
        int leader = leaderIndex();
        assertThat(send(leader, "POST", "sys/mounts/kv", "{\"type\":\"kv\",\"options\":{\"version\":\"2\"}}", root)
                .status()).isEqualTo(204);
        send(leader, "POST", "kv/data/app", "{\"data\":{\"username\":\"app\"}}", root);

        assertShape(send(leader, "POST", "kv/data/app", "{\"data\":{\"username\":\"app\",\"password\":\"x\"}}", root),
                200, "kv-write", NO_MAPS);
        assertShape(get(leader, "kv/data/app", root), 200, "kv-read", Set.of("/data/data"));
    }

    @Test
    void kubernetesRoleWithoutAudienceWarnsAndLoginMatchesDocumentedAuthBlock() throws Exception {
        String root = cluster.bootstrap(1, 1).rootToken();
        int leader = leaderIndex();
        send(leader, "POST", "sys/auth/kubernetes", "{\"type\":\"kubernetes\"}", root);
        send(leader, "POST", "auth/kubernetes/config", "{\"kubernetes_host\":\"https://kubernetes.default.svc\"}",
                root);
        assertShape(send(leader, "POST", "auth/kubernetes/role/app", "{\"bound_service_account_names\":[\"app\"],"
                + "\"bound_service_account_namespaces\":[\"team-a\"],\"token_policies\":[\"app-read\"],"
                + "\"token_ttl\":3600}", root), 200, "role-write-warning", NO_MAPS);
        String jwt = cluster.kubernetes().issueServiceAccountToken("team-a", "app");

        assertShape(send(leader, "POST", "auth/kubernetes/login", "{\"role\":\"app\",\"jwt\":\"" + jwt + "\"}", null),
                200, "login-success", NO_MAPS);
    }

    @Test
    void refusalsUseTheDocumentedErrorShape() throws Exception {
        String root = cluster.bootstrap(1, 1).rootToken();
        int leader = leaderIndex();
        send(leader, "POST", "sys/auth/kubernetes", "{\"type\":\"kubernetes\"}", root);
        send(leader, "POST", "auth/kubernetes/config", "{\"kubernetes_host\":\"https://kubernetes.default.svc\"}",
                root);
        send(leader, "POST", "auth/kubernetes/role/app", "{\"bound_service_account_names\":\"app\","
                + "\"bound_service_account_namespaces\":\"team-a\",\"audience\":\"vault\"}", root);
        String jwt = cluster.kubernetes().issueServiceAccountToken("team-a", "other", "vault");

        Answer denied = send(leader, "POST", "auth/kubernetes/login", "{\"role\":\"app\",\"jwt\":\"" + jwt + "\"}",
                null);

        assertShape(denied, 403, "error", NO_MAPS);
        assertThat(denied.json().get("errors").get(0).asString()).isEqualTo("service account name not authorized");
    }

    // ---- helpers -------------------------------------------------------------------------------------

    record Answer(int status, JsonNode json) {
    }

    private int leaderIndex() {
        return cluster.nodes().indexOf(cluster.leader().orElseThrow());
    }

    private void assertShape(Answer answer, int status, String recordedName, Set<String> dataMaps) {
        assertThat(answer.status()).as("HTTP status for %s", recordedName).isEqualTo(status);
        List<String> problems = JsonShape.differences(RecordedResponses.json(recordedName), answer.json(), dataMaps);
        assertThat(problems).as("shape differences from recorded %s", recordedName).isEmpty();
    }

    private Answer get(int node, String path, String token) throws IOException, InterruptedException {
        return send(node, "GET", path, null, token);
    }

    private Answer send(int node, String method, String path, String body, String token)
            throws IOException, InterruptedException {
        return send(cluster, node, method, path, body, token);
    }

    private Answer send(FakeVaultCluster target, int node, String method, String path, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.node(node).uri() + "/v1/" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-Vault-Token", token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? Reply.JSON.missingNode() : Reply.JSON.readTree(response.body());
        return new Answer(response.statusCode(), json);
    }
}
