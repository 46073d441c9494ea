package dev.vaulttest.vault;

import static dev.vaulttest.vault.FakeNodes.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.testkit.FakeVaultCluster;
import dev.vaulttest.testkit.FakeVaultNode;
import dev.vaulttest.testkit.SealKind;
import dev.vaulttest.vault.HealthStatus.HealthState;
import dev.vaulttest.vault.RaftConfiguration.RaftServer;
import dev.vaulttest.vault.VaultNodeClient.InitRequest;
import dev.vaulttest.vault.VaultNodeClient.LeaderStatus;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seal status, health (every documented code), leader, raft configuration and autopilot against the double. */
class VaultNodeClientStatusTest {

    private FakeVaultCluster cluster;

    @BeforeEach
    void start() {
        cluster = FakeVaultCluster.builder().nodes(3).start();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private VaultNodeClient rootOn(FakeVaultNode node, String token) {
        return client(node).withToken(Sensitive.of(token));
    }

    private FakeVaultNode standby() {
        FakeVaultNode leader = cluster.leader().orElseThrow();
        return cluster.nodes().stream().filter(node -> node != leader).findFirst().orElseThrow();
    }

    @Test
    void uninitialisedNodeAnswersSealStatusAndHealth501() {
        VaultNodeClient node = client(cluster, 0);

        SealStatus status = node.sealStatus();
        HealthStatus health = node.health();

        assertThat(status.initialized()).isFalse();
        assertThat(status.sealed()).isTrue();
        assertThat(status.type()).isEqualTo("shamir");
        assertThat(health.httpStatus()).isEqualTo(501);
        assertThat(health.state()).isEqualTo(HealthState.NOT_INITIALIZED);
        assertThat(node.isInitialized()).isFalse();
    }

    @Test
    void sealedNodeAnswersHealth503AndLeaderFailsAsSealed() {
        cluster.bootstrap(1, 1);
        cluster.restart("vault-0");
        VaultNodeClient node = client(cluster, 0);

        assertThat(node.health().state()).isEqualTo(HealthState.SEALED);
        assertThat(node.health().httpStatus()).isEqualTo(503);
        assertThat(node.isInitialized()).isTrue();
        assertThatThrownBy(node::leader)
                .isInstanceOfSatisfying(VaultApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.errors()).containsExactly("Vault is sealed");
                    assertThat(e.operation()).isEqualTo(VaultOperation.LEADER);
                    assertThat(e.nodeName()).isEqualTo("vault-0");
                })
                .hasMessageContaining("unseal it");
    }

    @Test
    void activeNodeAnswers200AndStandbys429() {
        cluster.bootstrap(1, 1);
        FakeVaultNode leader = cluster.leader().orElseThrow();

        HealthStatus active = client(leader).health();
        HealthStatus standby = client(standby()).health();

        assertThat(active.state()).isEqualTo(HealthState.ACTIVE);
        assertThat(active.isActive()).isTrue();
        assertThat(active.clusterName()).isPresent();
        assertThat(standby.state()).isEqualTo(HealthState.STANDBY);
        assertThat(standby.httpStatus()).isEqualTo(429);
        assertThat(standby.standby()).isTrue();
        assertThat(standby.haConnectionHealthy()).contains(true);
    }

    @Test
    void drSecondaryAnswers472() {
        cluster.bootstrap(1, 1);
        standby().setDrSecondary(true);

        assertThat(client(standby()).health().state()).isEqualTo(HealthState.DR_SECONDARY);
        assertThat(client(standby()).health().httpStatus()).isEqualTo(472);
    }

    @Test
    void performanceStandbyAnswers473() {
        cluster.bootstrap(1, 1);
        standby().setPerformanceStandby(true);

        HealthStatus health = client(standby()).health();

        assertThat(health.state()).isEqualTo(HealthState.PERFORMANCE_STANDBY);
        assertThat(health.performanceStandby()).isTrue();
    }

    @Test
    void standbyThatLostItsHeartbeatAnswers474() {
        cluster.bootstrap(1, 1);
        standby().setHaConnectionHealthy(false);

        HealthStatus health = client(standby()).health();

        assertThat(health.state()).isEqualTo(HealthState.STANDBY_HA_UNHEALTHY);
        assertThat(health.httpStatus()).isEqualTo(474);
        assertThat(health.haConnectionHealthy()).contains(false);
    }

    @Test
    void removedNodeAnswers530() {
        String root = cluster.bootstrap(1, 1).rootToken();
        FakeVaultNode removed = standby();
        FakeNodes.leader(cluster, Sensitive.of(root)).removePeer(removed.name());

        HealthStatus health = client(removed).health();

        assertThat(health.state()).isEqualTo(HealthState.REMOVED_FROM_CLUSTER);
        assertThat(health.httpStatus()).isEqualTo(530);
        assertThat(health.removedFromCluster()).contains(true);
        assertThat(client(removed).sealStatus().removedFromCluster()).contains(true);
    }

    @Test
    void undocumentedHealthStatusIsAnError() {
        try (StubVault stub = StubVault.answering(500, "{\"errors\":[\"internal error\"]}")) {
            VaultNodeClient node = VaultNodeClient.create(VaultEndpoint.of("stub", stub.uri()));

            assertThatThrownBy(node::health).isInstanceOfSatisfying(VaultApiException.class, e -> {
                assertThat(e.httpStatus()).isEqualTo(500);
                assertThat(e.errors()).containsExactly("internal error");
                assertThat(e.operation()).isEqualTo(VaultOperation.HEALTH);
            }).hasMessageContaining("documented health codes");
        }
    }

    @Test
    void stoppedNodeIsAnErrorWithoutHttpStatus() {
        cluster.stop("vault-1");

        assertThatThrownBy(() -> client(cluster, 1).health())
                .isInstanceOfSatisfying(VaultApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(VaultApiException.NO_HTTP_STATUS);
                    assertThat(e.errors()).isEmpty();
                })
                .hasMessageContaining("refused the connection");
    }

    @Test
    void nonJsonAnswerIsReportedAsNotVault() {
        try (StubVault stub = StubVault.answering(200, "<html>not vault</html>")) {
            VaultNodeClient node = VaultNodeClient.create(VaultEndpoint.of("stub", stub.uri()));

            assertThatThrownBy(node::sealStatus).isInstanceOf(VaultApiException.class)
                    .hasMessageContaining("not the documented JSON");
        }
    }

    @Test
    void leaderReportsTheActiveNodesApiAddressOnEveryNode() {
        cluster.bootstrap(1, 1);
        FakeVaultNode leader = cluster.leader().orElseThrow();

        LeaderStatus onLeader = client(leader).leader();
        LeaderStatus onStandby = client(standby()).leader();

        assertThat(onLeader.isSelf()).isTrue();
        assertThat(onLeader.activeTime()).isPresent();
        assertThat(onLeader.leaderAddress()).isEqualTo(leader.apiAddress());
        assertThat(onStandby.isSelf()).isFalse();
        assertThat(onStandby.activeTime()).isEmpty();
        assertThat(onStandby.leaderAddress()).isEqualTo(leader.apiAddress());
        assertThat(onStandby.leaderClusterAddress()).isEqualTo("https://" + leader.name() + ".vault-internal:8201");
    }

    @Test
    void raftConfigurationIsServedByAStandbyThroughForwarding() {
        String root = cluster.bootstrap(1, 1).rootToken();
        String leader = cluster.leader().orElseThrow().name();

        RaftConfiguration configuration = rootOn(standby(), root).raftConfiguration();

        assertThat(configuration.servers()).extracting(RaftServer::nodeId)
                .containsExactlyInAnyOrder("vault-0", "vault-1", "vault-2");
        assertThat(configuration.leader()).map(RaftServer::nodeId).contains(leader);
        assertThat(configuration.voters()).hasSize(3);
    }

    @Test
    void raftConfigurationWithoutTokenFailsBeforeSending() {
        cluster.bootstrap(1, 1);

        assertThatThrownBy(() -> client(cluster, 0).raftConfiguration())
                .isInstanceOfSatisfying(VaultApiException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(VaultApiException.NO_HTTP_STATUS))
                .hasMessageContaining("needs a Vault token");
        assertThat(cluster.node(0).lastRequest("sys/storage/raft/configuration")).isEmpty();
    }

    @Test
    void raftConfigurationWithAWrongTokenIsDenied() {
        cluster.bootstrap(1, 1);

        assertThatThrownBy(() -> rootOn(cluster.leader().orElseThrow(), "hvs.wrongwrongwrongwrongwrong1")
                .raftConfiguration())
                .isInstanceOfSatisfying(VaultApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(403);
                    assertThat(e.errors()).containsExactly("permission denied");
                });
    }

    @Test
    void autopilotStateReportsFailureToleranceOfThreeVoters() {
        String root = cluster.bootstrap(1, 1).rootToken();

        AutopilotState state = rootOn(standby(), root).autopilotState().orElseThrow();

        assertThat(state.healthy()).isTrue();
        assertThat(state.failureTolerance()).isEqualTo(1);
        assertThat(state.voters()).hasSize(3);
        assertThat(state.servers()).hasSize(3);
        assertThat(state.leader()).isEqualTo(cluster.leader().orElseThrow().name());
    }

    @Test
    void autopilotStateIsEmptyWhenTheNodeAnswers404() {
        try (StubVault stub = StubVault.answering(404, "{\"errors\":[]}")) {
            VaultNodeClient node = VaultNodeClient.create(VaultEndpoint.of("stub", stub.uri()))
                    .withToken(Sensitive.of("root"));

            assertThat(node.autopilotState()).isEmpty();
        }
    }

    @Test
    void standbyWithoutQuorumAnswersLocalNodeNotActive() {
        String root = cluster.bootstrap(1, 1).rootToken();
        FakeVaultNode survivor = standby();
        cluster.nodes().stream().filter(node -> node != survivor).forEach(node -> cluster.stop(node.name()));

        assertThat(client(survivor).health().state()).isEqualTo(HealthState.STANDBY);
        assertThatThrownBy(() -> rootOn(survivor, root).raftConfiguration())
                .isInstanceOfSatisfying(VaultApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(500);
                    assertThat(e.hasError("local node not active but active cluster node not found")).isTrue();
                })
                .hasMessageContaining("leader election");
    }

    @Test
    void devModeShowsItsSignature() {
        try (FakeVaultCluster dev = FakeVaultCluster.builder().devMode("root").start()) {
            VaultNodeClient node = client(dev, 0);

            SealStatus status = node.sealStatus();

            assertThat(status.isInMemoryStorage()).isTrue();
            assertThat(status.isUnsealed()).isTrue();
            assertThat(node.health().state()).isEqualTo(HealthState.ACTIVE);
            assertThat(node.leader().haEnabled()).isFalse();
            assertThat(node.withToken(Sensitive.of("root")).getSecret("secret", "nothing")).isEmpty();
        }
    }

    @Test
    void autoUnsealNodeReportsRecoverySealBeforeInit() {
        try (FakeVaultCluster kms = FakeVaultCluster.builder().seal(SealKind.AUTO_UNSEAL).start()) {
            SealStatus status = client(kms, 0).sealStatus();

            assertThat(status.type()).isEqualTo("awskms");
            assertThat(status.isAutoUnseal()).isTrue();
            assertThat(InitRequest.matching(status, 3, 2).kind()).isEqualTo(InitRequest.KeyKind.RECOVERY_KEYS);
        }
    }

    @Test
    void endpointRejectsNonHttpSchemes() {
        assertThatThrownBy(() -> VaultEndpoint.of("vault-0", URI.create("ftp://127.0.0.1:8200")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http:// or https://");
    }
}
