package dev.vaulttest.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Behaviour of the double that the library's client does not exercise: query overrides, HEAD, controls. */
class FakeVaultClusterTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeVaultCluster cluster;

    @BeforeEach
    void start() {
        cluster = FakeVaultCluster.builder().nodes(3).joinAsNonVoter(true).start();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aNodeAnswersWithoutWaitingForTheClientsDelayedAcknowledgement() throws Exception {
        FakeVaultNode node = cluster.node(0);
        send(node, "GET", "sys/seal-status", null); // connection and first-request costs out of the way
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            long start = System.nanoTime();
            assertThat(send(node, "GET", "sys/seal-status", null).statusCode()).isEqualTo(200);
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(millis);

        // With the stall every answer takes the delayed-ACK timer, 40 ms or more; without it a few ms.
        assertThat(millis.get(millis.size() / 2)).as("median ms of %s", millis).isLessThan(30);
        assertThat(System.getProperty(FakeVaultCluster.NODELAY_PROPERTY)).isEqualTo("true");
    }

    private HttpResponse<String> send(FakeVaultNode node, String method, String pathAndQuery, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.uri() + "/v1/" + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("X-Vault-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(FakeVaultNode node, String method, String path, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.uri() + "/v1/" + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-Vault-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Reply.JSON.readTree(response.body());
    }

    private HttpResponse<String> unseal(FakeVaultNode node, String key) throws Exception {
        return send(node, "PUT", "sys/unseal", "{\"key\":\"" + key + "\"}", null);
    }

    private FakeVaultNode standby() {
        return cluster.nodes().stream().filter(node -> node.state() == NodeState.STANDBY).findFirst().orElseThrow();
    }

    @Test
    void healthHonoursTheDocumentedCodeOverrides() throws Exception {
        assertThat(send(cluster.node(0), "GET", "sys/health?uninitcode=299", null).statusCode()).isEqualTo(299);
        cluster.bootstrap(1, 1);
        cluster.promoteToVoter("vault-1");
        cluster.promoteToVoter("vault-2");

        assertThat(send(standby(), "GET", "sys/health?standbyok=true", null).statusCode()).isEqualTo(200);
        assertThat(send(standby(), "GET", "sys/health?standbycode=299", null).statusCode()).isEqualTo(299);
        assertThat(send(standby(), "GET", "sys/health?standbycode=abc", null).statusCode()).isEqualTo(400);
    }

    @Test
    void headHealthAnswersTheStatusWithoutABody() throws Exception {
        HttpResponse<String> response = send(cluster.node(0), "HEAD", "sys/health", null);

        assertThat(response.statusCode()).isEqualTo(501);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void joinedNodesStayNonVotersUntilPromoted() throws Exception {
        String root = cluster.bootstrap(1, 1).rootToken();

        String before = send(cluster.node(0), "GET", "sys/storage/raft/configuration", root).body();
        cluster.promoteToVoter("vault-1");
        String after = send(cluster.node(0), "GET", "sys/storage/raft/configuration", root).body();

        assertThat(before).contains("\"node_id\":\"vault-1\",\"address\":\"vault-1.vault-internal:8201\","
                + "\"leader\":false,\"protocol_version\":\"3\",\"voter\":false");
        assertThat(after).contains("\"node_id\":\"vault-1\",\"address\":\"vault-1.vault-internal:8201\","
                + "\"leader\":false,\"protocol_version\":\"3\",\"voter\":true");
    }

    @Test
    void stoppedNodeRefusesConnectionsAndKeepsItsPortAfterStart() throws Exception {
        FakeVaultNode node = cluster.node(1);
        int port = node.port();

        cluster.stop("vault-1");
        assertThat(node.state()).isEqualTo(NodeState.STOPPED);
        assertThatThrownBy(() -> send(node, "GET", "sys/seal-status", null)).isInstanceOf(ConnectException.class);
        cluster.start("vault-1");

        assertThat(node.port()).isEqualTo(port);
        assertThat(send(node, "GET", "sys/seal-status", null).statusCode()).isEqualTo(200);
    }

    @Test
    void losingQuorumLeavesNoLeaderAndRegainingItElectsOne() {
        try (FakeVaultCluster kms = FakeVaultCluster.builder().nodes(3).seal(SealKind.AUTO_UNSEAL).start()) {
            kms.bootstrap(1, 1);
            String first = kms.leader().orElseThrow().name();

            kms.stop(first);
            String second = kms.leader().orElseThrow().name();
            kms.stop(second);
            assertThat(kms.leader()).isEmpty();
            kms.start(first);

            assertThat(second).isNotEqualTo(first);
            assertThat(kms.leader()).isPresent();
        }
    }

    @Test
    void restartedShamirVoterComesBackSealedSoQuorumStaysLost() {
        cluster.bootstrap(1, 1);
        cluster.promoteToVoter("vault-1");
        cluster.promoteToVoter("vault-2");
        cluster.stop("vault-1");
        cluster.stop("vault-2");
        assertThat(cluster.leader()).isEmpty();

        cluster.start("vault-1");

        assertThat(cluster.node(1).state()).isEqualTo(NodeState.SEALED);
        assertThat(cluster.leader()).isEmpty();
    }

    @Test
    void unknownPathsAnswerVaultsNoHandlerError() throws Exception {
        String root = cluster.bootstrap(1, 1).rootToken();

        HttpResponse<String> response = send(cluster.leader().orElseThrow(), "GET", "nothing/here", root);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("no handler for route");
    }

    @Test
    void secondInitOnAnotherNodeIsRefusedWithAnExplanation() throws Exception {
        cluster.bootstrap(1, 1);
        cluster.wipeStorage("vault-2");
        HttpRequest request = HttpRequest.newBuilder(URI.create(cluster.node(2).uri() + "/v1/sys/init"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"secret_shares\":1,\"secret_threshold\":1}")).build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("second, independent cluster");
    }

    @Test
    void issuedTokensAreJwtsWithKubernetesClaims() {
        String jwt = cluster.kubernetes().issueServiceAccountToken("team-a", "app", "vault");

        var claims = FakeKubernetes.claims(jwt).orElseThrow();

        assertThat(claims.path("kubernetes.io").path("namespace").asString()).isEqualTo("team-a");
        assertThat(claims.path("kubernetes.io").path("serviceaccount").path("name").asString()).isEqualTo("app");
        assertThat(claims.path("aud").get(0).asString()).isEqualTo("vault");
    }

    @Test
    void devModeRefusesMoreThanOneNode() {
        assertThatThrownBy(() -> FakeVaultCluster.builder().devMode("root").nodes(2).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("single node");
    }

    // ---- behaviour verified against real Vault 1.21.1 ------------------------------------------------------

    @Test
    void leaderOfASealedNodeIs503() throws Exception {
        cluster.bootstrap(1, 1);
        cluster.restart("vault-1");

        HttpResponse<String> response = send(cluster.node(1), "GET", "sys/leader", null);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("Vault is sealed");
    }

    @Test
    void sharesOfTheRightSizeRaiseProgressAndAForeignShareAtTheThresholdIs400AndResetsProgress() throws Exception {
        try (FakeVaultCluster other = FakeVaultCluster.builder().start()) {
            JsonNode init = json(send(cluster.node(0), "PUT", "sys/init",
                    "{\"secret_shares\":3,\"secret_threshold\":2}", null));
            String foreign = other.bootstrap(3, 2).unsealKeysHex().get(0);

            HttpResponse<String> tooShort = unseal(cluster.node(0), "abcdef0123");
            HttpResponse<String> first = unseal(cluster.node(0), init.get("keys").get(0).asString());
            HttpResponse<String> second = unseal(cluster.node(0), foreign);

            assertThat(tooShort.statusCode()).isEqualTo(400);
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(json(first).get("progress").asInt()).isEqualTo(1);
            assertThat(second.statusCode()).isEqualTo(400);
            assertThat(json(second).get("errors")).isNotEmpty();
            assertThat(json(send(cluster.node(0), "GET", "sys/seal-status", null)).get("progress").asInt()).isZero();
        }
    }

    @Test
    void resetOnAnUnsealedNodeIs400AndSealOnASealedNodeIs204() throws Exception {
        String root = cluster.bootstrap(1, 1).rootToken();
        FakeVaultNode leader = cluster.leader().orElseThrow();

        HttpResponse<String> reset = send(leader, "PUT", "sys/unseal", "{\"reset\":true}", null);
        HttpResponse<String> seal = send(leader, "PUT", "sys/seal", "", root);
        HttpResponse<String> sealAgain = send(leader, "PUT", "sys/seal", "", root);

        assertThat(reset.statusCode()).isEqualTo(400);
        assertThat(json(reset).get("errors").get(0).asString()).isEqualTo("vault is unsealed");
        assertThat(seal.statusCode()).isEqualTo(204);
        assertThat(sealAgain.statusCode()).isEqualTo(204);
    }

    @Test
    void shamirJoinerReportsTheLeadersSealConfigAndTheLastShareLeavesItSealedWithProgressZero() throws Exception {
        try (FakeVaultCluster slow = FakeVaultCluster.builder().nodes(2).raftUnsealDelay(Duration.ofMinutes(5))
                .start()) {
            FakeVaultCluster.Bootstrap keys = bootstrapFirstOnly(slow, 3, 2);
            FakeVaultNode joiner = slow.node(1);

            HttpResponse<String> join = send(joiner, "POST", "sys/storage/raft/join",
                    "{\"leader_api_addr\":\"" + slow.node(0).apiAddress() + "\"}", null);
            JsonNode waiting = json(send(joiner, "GET", "sys/seal-status", null));
            unseal(joiner, keys.unsealKeysHex().get(0));
            JsonNode last = json(unseal(joiner, keys.unsealKeysHex().get(1)));

            assertThat(json(join).get("joined").asBoolean()).isTrue();
            assertThat(waiting.get("initialized").asBoolean()).isTrue();
            assertThat(waiting.get("sealed").asBoolean()).isTrue();
            assertThat(waiting.get("t").asInt()).isEqualTo(2);
            assertThat(waiting.get("n").asInt()).isEqualTo(3);
            assertThat(last.get("sealed").asBoolean()).isTrue();
            assertThat(last.get("progress").asInt()).isZero();
            assertThat(joiner.state()).isEqualTo(NodeState.SEALED);
        }
    }

    @Test
    void restartForgetsAJoinThatStillWaitsForItsKeys() throws Exception {
        try (FakeVaultCluster two = FakeVaultCluster.builder().nodes(2).start()) {
            bootstrapFirstOnly(two, 1, 1);
            send(two.node(1), "POST", "sys/storage/raft/join",
                    "{\"leader_api_addr\":\"" + two.node(0).apiAddress() + "\"}", null);

            two.restart("vault-1");

            assertThat(json(send(two.node(1), "GET", "sys/seal-status", null)).get("initialized").asBoolean())
                    .isFalse();
        }
    }

    @Test
    void retryJoinAnswersNotJoinedYetAndAJoinToANodeWithDataAnswersJoined() throws Exception {
        try (FakeVaultCluster two = FakeVaultCluster.builder().nodes(2).retryJoinInterval(Duration.ofMinutes(5))
                .start()) {
            cluster.bootstrap(1, 1);
            two.stop("vault-0");
            String body = "{\"leader_api_addr\":\"" + two.node(0).apiAddress() + "\",\"retry\":true}";

            HttpResponse<String> retry = send(two.node(1), "POST", "sys/storage/raft/join", body, null);
            HttpResponse<String> member = send(cluster.node(1), "POST", "sys/storage/raft/join",
                    "{\"leader_api_addr\":\"" + cluster.node(0).apiAddress() + "\"}", null);

            assertThat(retry.statusCode()).isEqualTo(200);
            assertThat(json(retry).get("joined").asBoolean()).isFalse();
            assertThat(member.statusCode()).isEqualTo(200);
            assertThat(json(member).get("joined").asBoolean()).isTrue();
        }
    }

    @Test
    void aJoinerStartsAsANonVoterByDefault() throws Exception {
        try (FakeVaultCluster kms = FakeVaultCluster.builder().nodes(2).seal(SealKind.AUTO_UNSEAL)
                .autopilotStabilizationTime(Duration.ofMinutes(5)).start()) {
            String root = json(send(kms.node(0), "PUT", "sys/init",
                    "{\"recovery_shares\":1,\"recovery_threshold\":1}", null)).get("root_token").asString();

            send(kms.node(1), "POST", "sys/storage/raft/join",
                    "{\"leader_api_addr\":\"" + kms.node(0).apiAddress() + "\"}", null);
            JsonNode servers = json(send(kms.node(0), "GET", "sys/storage/raft/configuration", root))
                    .path("data").path("config").path("servers");

            assertThat(kms.node(1).state()).isEqualTo(NodeState.STANDBY);
            assertThat(servers).hasSize(2);
            assertThat(servers.get(1).get("node_id").asString()).isEqualTo("vault-1");
            assertThat(servers.get(1).get("voter").asBoolean()).isFalse();
        }
    }

    @Test
    void snapshotRestoreAnswers204BeforeTheDataRevertsAndGarbageIs500() throws Exception {
        try (FakeVaultCluster slow = FakeVaultCluster.builder().snapshotRestoreDelay(Duration.ofMinutes(5))
                .start()) {
            String root = slow.bootstrap(1, 1).rootToken();
            FakeVaultNode node = slow.node(0);
            send(node, "POST", "sys/mounts/kv", "{\"type\":\"kv\",\"options\":{\"version\":\"2\"}}", root);
            send(node, "POST", "kv/data/app", "{\"data\":{\"v\":\"before\"}}", root);
            byte[] snapshot = http.send(HttpRequest.newBuilder(URI.create(node.uri() + "/v1/sys/storage/raft/snapshot"))
                    .header("X-Vault-Token", root).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            send(node, "POST", "kv/data/app", "{\"data\":{\"v\":\"after\"}}", root);

            HttpResponse<String> restore = http.send(HttpRequest.newBuilder(
                    URI.create(node.uri() + "/v1/sys/storage/raft/snapshot")).header("X-Vault-Token", root)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(snapshot)).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> garbage = send(node, "POST", "sys/storage/raft/snapshot", "not a snapshot", root);

            assertThat(restore.statusCode()).isEqualTo(204);
            assertThat(send(node, "GET", "kv/data/app", root).body()).contains("\"v\":\"after\"");
            assertThat(garbage.statusCode()).isEqualTo(500);
        }
    }

    @Test
    void healthFollowsVaultsPrecedenceAndAnEmptyStandbyOkIsFalse() throws Exception {
        String root = cluster.bootstrap(1, 1).rootToken();
        cluster.promoteToVoter("vault-1");
        cluster.promoteToVoter("vault-2");
        FakeVaultNode standby = standby();

        assertThat(send(standby, "GET", "sys/health?standbyok=", null).statusCode()).isEqualTo(429);
        assertThat(send(standby, "GET", "sys/health?standbyok=maybe", null).statusCode()).isEqualTo(400);
        standby.setPerformanceStandby(true);
        standby.setDrSecondary(true);
        assertThat(send(standby, "GET", "sys/health", null).statusCode()).isEqualTo(472);
        standby.setHaConnectionHealthy(false);
        assertThat(send(standby, "GET", "sys/health", null).statusCode()).isEqualTo(474);
        send(cluster.leader().orElseThrow(), "POST", "sys/storage/raft/remove-peer",
                "{\"server_id\":\"" + standby.name() + "\"}", root);
        cluster.restart(standby.name());
        assertThat(send(standby, "GET", "sys/health", null).statusCode()).isEqualTo(530);
    }

    @Test
    void kubernetesLoginDeniesANonJwtBeforeTokenReviewAndChecksNoIssuerUnlessOneIsConfigured() throws Exception {
        String root = cluster.bootstrap(1, 1).rootToken();
        FakeVaultNode leader = cluster.leader().orElseThrow();
        send(leader, "POST", "sys/auth/kubernetes", "{\"type\":\"kubernetes\"}", root);
        send(leader, "POST", "auth/kubernetes/config", "{\"kubernetes_host\":\"https://10.0.0.1\","
                + "\"disable_iss_validation\":false}", root);
        send(leader, "POST", "auth/kubernetes/role/app", "{\"bound_service_account_names\":[\"app\"],"
                + "\"bound_service_account_namespaces\":[\"team-a\"]}", root);
        cluster.kubernetes().registerToken("opaque-token", "team-a", "app");
        String jwt = cluster.kubernetes().issueServiceAccountToken("team-a", "app");

        HttpResponse<String> opaque = login(leader, "opaque-token");
        HttpResponse<String> noIssuerConfigured = login(leader, jwt);
        HttpResponse<String> expired = login(leader, unsignedJwt("{\"kubernetes.io\":{\"namespace\":\"team-a\","
                + "\"serviceaccount\":{\"name\":\"app\",\"uid\":\"u\"}},\"exp\":"
                + Instant.now().minusSeconds(3600).getEpochSecond() + "}"));

        assertThat(opaque.statusCode()).isEqualTo(403);
        assertThat(json(opaque).get("errors").get(0).asString()).isEqualTo("permission denied");
        assertThat(noIssuerConfigured.statusCode()).isEqualTo(200);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("invalid expiration time (exp) claim: token is expired");
    }

    private HttpResponse<String> login(FakeVaultNode node, String jwt) throws Exception {
        return send(node, "POST", "auth/kubernetes/login", "{\"role\":\"app\",\"jwt\":\"" + jwt + "\"}", null);
    }

    private static String unsignedJwt(String claims) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString("sig".getBytes(StandardCharsets.UTF_8));
    }

    /** Initialises node 0 through the API and unseals it, leaving the other nodes uninitialised. */
    private FakeVaultCluster.Bootstrap bootstrapFirstOnly(FakeVaultCluster target, int shares, int threshold)
            throws Exception {
        JsonNode init = json(send(target.node(0), "PUT", "sys/init", "{\"secret_shares\":" + shares
                + ",\"secret_threshold\":" + threshold + "}", null));
        java.util.List<String> keys = new java.util.ArrayList<>();
        init.get("keys").forEach(key -> keys.add(key.asString()));
        for (String key : keys.subList(0, threshold)) {
            unseal(target.node(0), key);
        }
        return new FakeVaultCluster.Bootstrap(init.get("root_token").asString(), keys, java.util.List.of());
    }
}
