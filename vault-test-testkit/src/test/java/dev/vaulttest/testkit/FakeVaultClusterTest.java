package dev.vaulttest.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

    private HttpResponse<String> send(FakeVaultNode node, String method, String pathAndQuery, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.uri() + "/v1/" + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("X-Vault-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
}
