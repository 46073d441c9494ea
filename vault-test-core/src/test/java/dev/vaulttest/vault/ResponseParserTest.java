package dev.vaulttest.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.testkit.RecordedResponses;
import dev.vaulttest.vault.AutopilotState.AutopilotServer;
import dev.vaulttest.vault.HealthStatus.HealthState;
import dev.vaulttest.vault.RaftConfiguration.RaftServer;
import dev.vaulttest.vault.VaultNodeClient.InitResult;
import dev.vaulttest.vault.VaultNodeClient.LeaderStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Parsing against the recorded bodies: the real ones captured from Vault 1.21.1 (values that change with each
 * recording are compared with the recording itself), the hand-written ones Vault cannot be made to give here,
 * and the Enterprise, newer and older variants with fields the library does not know.
 */
class ResponseParserTest {

    @Test
    void uninitialisedSealStatusHasZeroSharesAndNoClusterIdentity() {
        SealStatus status = ResponseParser.sealStatus(RecordedResponses.json("seal-status-uninitialized"));

        assertThat(status.initialized()).isFalse();
        assertThat(status.sealed()).isTrue();
        assertThat(status.threshold()).isZero();
        assertThat(status.shares()).isZero();
        assertThat(status.type()).isEqualTo("shamir");
        assertThat(status.storageType()).isEqualTo("raft");
        assertThat(status.clusterName()).isEmpty();
        assertThat(status.clusterId()).isEmpty();
        assertThat(status.removedFromCluster()).contains(false);
        assertThat(status.isUnsealed()).isFalse();
    }

    @Test
    void sealedSealStatusCarriesProgressThresholdAndNonce() {
        JsonNode body = RecordedResponses.json("seal-status-sealed");
        SealStatus status = ResponseParser.sealStatus(body);

        assertThat(status.initialized()).isTrue();
        assertThat(status.sealed()).isTrue();
        assertThat(status.progress()).isEqualTo(1);
        assertThat(status.threshold()).isEqualTo(2);
        assertThat(status.shares()).isEqualTo(3);
        assertThat(status.nonce()).isEqualTo(body.get("nonce").asString()).isNotBlank();
        assertThat(status.version()).isEqualTo("1.21.1");
        assertThat(status.buildDate()).isEqualTo(body.get("build_date").asString());
        assertThat(status.migration()).isFalse();
    }

    @Test
    void unsealedSealStatusNamesTheCluster() {
        JsonNode body = RecordedResponses.json("seal-status-unsealed");
        SealStatus status = ResponseParser.sealStatus(body);

        assertThat(status.isUnsealed()).isTrue();
        assertThat(status.clusterName()).contains("vault-test");
        assertThat(status.clusterId()).contains(body.get("cluster_id").asString());
        assertThat(status.isAutoUnseal()).isFalse();
        assertThat(status.isInMemoryStorage()).isFalse();
    }

    @Test
    void awskmsSealStatusIsARecoverySeal() {
        SealStatus status = ResponseParser.sealStatus(RecordedResponses.json("seal-status-awskms-unsealed"));

        assertThat(status.type()).isEqualTo("awskms");
        assertThat(status.recoverySeal()).isTrue();
        assertThat(status.recoverySealType()).contains("shamir");
        assertThat(status.isAutoUnseal()).isTrue();
    }

    @Test
    void devModeSealStatusShowsInMemoryStorage() {
        SealStatus status = ResponseParser.sealStatus(RecordedResponses.json("seal-status-dev"));

        assertThat(status.storageType()).isEqualTo("inmem");
        assertThat(status.isInMemoryStorage()).isTrue();
        assertThat(status.threshold()).isEqualTo(1);
        assertThat(status.shares()).isEqualTo(1);
    }

    @Test
    void newerSealStatusParsesKnownFieldsAndIgnoresUnknownOnes() {
        SealStatus status = ResponseParser.sealStatus(RecordedResponses.json("seal-status-newer"));

        assertThat(status.type()).isEqualTo("awskms");
        assertThat(status.version()).isEqualTo("2.3.0+ent");
        assertThat(status.recoverySealType()).contains("shamir");
        assertThat(status.warnings()).containsExactly("seal configuration has changed; restart to apply");
        assertThat(status.migrationDoneAtEpoch()).isEqualTo(OptionalLong.of(1790000000L));
        assertThat(status.clusterName()).contains("vault-cluster-5e2f1c3a");
    }

    @Test
    void activeHealthBodyIsParsedFieldByField() {
        JsonNode body = RecordedResponses.json("health-active");
        HealthStatus health = ResponseParser.health(200, HealthState.ACTIVE, body);

        assertThat(health.isActive()).isTrue();
        assertThat(health.initialized()).isTrue();
        assertThat(health.sealed()).isFalse();
        assertThat(health.standby()).isFalse();
        assertThat(health.performanceStandby()).isFalse();
        assertThat(health.replicationPerformanceMode()).isEqualTo("disabled");
        assertThat(health.replicationDrMode()).isEqualTo("disabled");
        assertThat(health.serverTimeUtc()).isEqualTo(body.get("server_time_utc").asLong()).isPositive();
        assertThat(health.version()).isEqualTo("1.21.1");
        assertThat(health.clusterName()).contains("vault-test");
        assertThat(health.enterprise()).isFalse();
        assertThat(health.removedFromCluster()).contains(false);
        assertThat(health.haConnectionHealthy()).isEmpty();
        assertThat(health.echoDurationMs()).isEqualTo(OptionalLong.of(0));
    }

    @Test
    void standbyHealthReportsTheHaConnection() {
        JsonNode body = RecordedResponses.json("health-standby");
        HealthStatus health = ResponseParser.health(429, HealthState.STANDBY, body);

        assertThat(health.standby()).isTrue();
        assertThat(health.haConnectionHealthy()).contains(true);
        assertThat(health.lastRequestForwardingHeartbeatMs())
                .isEqualTo(OptionalLong.of(body.get("last_request_forwarding_heartbeat_ms").asLong()));
        assertThat(health.echoDurationMs()).isEqualTo(OptionalLong.of(body.get("echo_duration_ms").asLong()));
    }

    @Test
    void sealedAndUninitialisedHealthOmitClusterIdentity() {
        HealthStatus sealed = ResponseParser.health(503, HealthState.SEALED, RecordedResponses.json("health-sealed"));
        HealthStatus uninit = ResponseParser.health(501, HealthState.NOT_INITIALIZED,
                RecordedResponses.json("health-uninitialized"));

        assertThat(sealed.sealed()).isTrue();
        assertThat(sealed.clusterId()).isEmpty();
        assertThat(uninit.initialized()).isFalse();
        assertThat(uninit.clusterName()).isEmpty();
    }

    @Test
    void newerEnterpriseHealthParsesAndIgnoresLicenseAndUnknownFields() {
        HealthStatus health = ResponseParser.health(474, HealthState.STANDBY_HA_UNHEALTHY,
                RecordedResponses.json("health-newer"));

        assertThat(health.enterprise()).isTrue();
        assertThat(health.performanceStandby()).isTrue();
        assertThat(health.replicationDrMode()).isEqualTo("primary");
        assertThat(health.clockSkewMs()).isEqualTo(OptionalLong.of(-12));
        assertThat(health.haConnectionHealthy()).contains(false);
        assertThat(health.lastRequestForwardingHeartbeatMs()).isEqualTo(OptionalLong.of(15000));
    }

    @Test
    void leaderOfTheActiveNodeHasActiveTimeAndRaftIndexes() {
        JsonNode body = RecordedResponses.json("leader-active");
        LeaderStatus leader = ResponseParser.leader(body);

        assertThat(leader.haEnabled()).isTrue();
        assertThat(leader.isSelf()).isTrue();
        assertThat(leader.activeTime()).contains(Instant.parse(body.get("active_time").asString()));
        assertThat(leader.leaderAddress()).isEqualTo(body.get("leader_address").asString()).startsWith("http://");
        assertThat(leader.leaderClusterAddress()).isEqualTo(body.get("leader_cluster_address").asString())
                .startsWith("https://");
        assertThat(leader.raftCommittedIndex()).isEqualTo(OptionalLong.of(body.get("raft_committed_index").asLong()));
        assertThat(leader.raftAppliedIndex()).isEqualTo(OptionalLong.of(body.get("raft_applied_index").asLong()));
        assertThat(leader.hasLeader()).isTrue();
    }

    @Test
    void standbyLeaderStatusTreatsGoZeroTimeAsAbsent() {
        JsonNode body = RecordedResponses.json("leader-standby");
        LeaderStatus leader = ResponseParser.leader(body);

        assertThat(body.get("active_time").asString()).startsWith("0001-01-01");
        assertThat(leader.isSelf()).isFalse();
        assertThat(leader.activeTime()).isEmpty();
        assertThat(leader.raftAppliedIndex()).isEqualTo(OptionalLong.of(body.get("raft_applied_index").asLong()));
    }

    @Test
    void devLeaderStatusHasNoHaAndNoLeader() {
        LeaderStatus leader = ResponseParser.leader(RecordedResponses.json("leader-dev"));

        assertThat(leader.haEnabled()).isFalse();
        assertThat(leader.hasLeader()).isFalse();
        assertThat(leader.raftCommittedIndex()).isEmpty();
    }

    @Test
    void newerLeaderStatusAcceptsNumbersSentAsStrings() {
        LeaderStatus leader = ResponseParser.leader(RecordedResponses.json("leader-newer"));

        assertThat(leader.raftCommittedIndex()).isEqualTo(OptionalLong.of(412));
        assertThat(leader.performanceStandbyLastRemoteWal()).isEqualTo(17);
        assertThat(leader.activeTime()).contains(Instant.parse("2026-11-28T07:30:25Z"));
    }

    @Test
    void raftConfigurationListsServersWithRoles() {
        JsonNode body = RecordedResponses.json("raft-configuration");
        RaftConfiguration configuration = ResponseParser.raftConfiguration(body);

        assertThat(configuration.index()).isEqualTo(body.path("data").path("index").asLong());
        JsonNode first = body.path("data").path("config").path("servers").get(0);
        assertThat(configuration.servers()).hasSize(3).first().isEqualTo(new RaftServer(
                first.get("node_id").asString(), first.get("address").asString(), first.get("leader").asBoolean(),
                first.get("voter").asBoolean(), first.get("protocol_version").asString()));
        assertThat(configuration.leader()).map(RaftServer::nodeId).contains("vault-0");
        assertThat(configuration.voters()).extracting(RaftServer::nodeId)
                .containsExactlyInAnyOrder("vault-0", "vault-1", "vault-2");
        assertThat(configuration.servers()).extracting(RaftServer::protocolVersion).containsOnly("3");
    }

    @Test
    void legacyRaftConfigurationWithRawProtocolByteReadsAsThree() {
        RaftConfiguration configuration = ResponseParser.raftConfiguration(
                RecordedResponses.json("raft-configuration-legacy"));

        assertThat(configuration.servers()).singleElement().extracting(RaftServer::protocolVersion).isEqualTo("3");
    }

    @Test
    void autopilotStateParsesServersByNodeId() {
        AutopilotState state = ResponseParser.autopilotState(RecordedResponses.json("autopilot-state"));

        assertThat(state.healthy()).isTrue();
        assertThat(state.failureTolerance()).isEqualTo(1);
        assertThat(state.optimisticFailureTolerance()).isEqualTo(OptionalInt.empty());
        assertThat(state.leader()).isEqualTo("vault-0");
        assertThat(state.voters()).containsExactly("vault-0", "vault-1", "vault-2");
        assertThat(state.nonVoters()).isEmpty();
        assertThat(state.servers()).containsOnlyKeys("vault-0", "vault-1", "vault-2");
        JsonNode recorded = RecordedResponses.json("autopilot-state").path("data").path("servers").path("vault-0");
        AutopilotServer leader = state.servers().get("vault-0");
        assertThat(leader).isEqualTo(new AutopilotServer("vault-0", "vault-0", recorded.get("address").asString(),
                "alive", "0s", recorded.get("last_term").asLong(), recorded.get("last_index").asLong(), true,
                Optional.of(Instant.parse(recorded.get("stable_since").asString())), "leader", "1.21.1", "voter"));
    }

    @Test
    void enterpriseAutopilotStateParsesWithZonesAndUpgradeInfoIgnored() {
        AutopilotState state = ResponseParser.autopilotState(RecordedResponses.json("autopilot-state-enterprise"));

        assertThat(state.healthy()).isFalse();
        assertThat(state.optimisticFailureTolerance()).isEqualTo(OptionalInt.of(1));
        assertThat(state.nonVoters()).containsExactly("vault-2");
        assertThat(state.servers().get("vault-2").stableSince()).isEmpty();
        assertThat(state.servers().get("vault-2").status()).isEqualTo("non-voter");
    }

    @Test
    void shamirInitResultHasUnsealKeysAndNoRecoveryKeys() {
        JsonNode body = RecordedResponses.json("init-shamir");
        InitResult result = ResponseParser.initResult(body);

        assertThat(result.keys()).hasSize(3);
        assertThat(result.keys().get(0).reveal()).isEqualTo(body.get("keys").get(0).asString()).hasSize(66);
        assertThat(result.keysBase64()).hasSize(3);
        assertThat(result.recoveryKeys()).isEmpty();
        assertThat(result.rootToken().reveal()).isEqualTo(body.get("root_token").asString()).startsWith("hvs.");
        assertThat(result.isAutoUnseal()).isFalse();
    }

    @Test
    void awskmsInitResultHasRecoveryKeysOnly() {
        InitResult result = ResponseParser.initResult(RecordedResponses.json("init-awskms"));

        assertThat(result.keys()).isEmpty();
        assertThat(result.recoveryKeys()).hasSize(3);
        assertThat(result.recoveryKeysBase64()).hasSize(3);
        assertThat(result.isAutoUnseal()).isTrue();
    }

    @Test
    void loginSuccessParsesTheAuthBlock() {
        LoginResult.Success success = ResponseParser.loginSuccess(RecordedResponses.json("login-success"));

        assertThat(success.clientToken().reveal()).isEqualTo("hvs.CAESIKubernetesLoginClientToken0001");
        assertThat(success.accessor().reveal()).isEqualTo("8f2d1c7b6a5e4d3c2b1a0f9e");
        assertThat(success.policies()).containsExactly("default", "app-read");
        assertThat(success.tokenPolicies()).containsExactly("default", "app-read");
        assertThat(success.leaseDuration()).isEqualTo(Duration.ofHours(1));
        assertThat(success.renewable()).isTrue();
        assertThat(success.metadata()).containsEntry("service_account_name", "app")
                .containsEntry("service_account_namespace", "team-a").containsEntry("role", "app");
        assertThat(success.entityId()).isEqualTo("e1d2c3b4-a596-4788-9a0b-1c2d3e4f5a6b");
        assertThat(success.tokenType()).isEqualTo("service");
        assertThat(success.isSuccess()).isTrue();
    }

    @Test
    void kvReadParsesDataAndVersion() {
        JsonNode body = RecordedResponses.json("kv-read");
        KvSecret secret = ResponseParser.kvSecret("secret", "app", body);

        assertThat(secret.data()).isEqualTo(Map.of("username", "app", "password", "x"));
        assertThat(secret.version()).isEqualTo(2);
        assertThat(secret.createdTime()).contains(Instant.parse(
                body.path("data").path("metadata").path("created_time").asString()));
    }

    @Test
    void roleWriteWarningsAreRead() {
        assertThat(ResponseParser.warnings(RecordedResponses.json("role-write-warning")))
                .singleElement().asString().startsWith("Role app does not have an audience configured");
    }

    @ParameterizedTest
    @ValueSource(strings = {"seal-status-newer", "health-newer", "leader-newer", "raft-configuration-legacy",
            "autopilot-state-enterprise", "seal-status-unsealed", "health-standby"})
    void everyParserAcceptsEveryRecordedBodyWithoutFailing(String name) {
        var body = RecordedResponses.json(name);

        assertThat(List.of(ResponseParser.sealStatus(body), ResponseParser.health(200, HealthState.ACTIVE, body),
                ResponseParser.leader(body), ResponseParser.raftConfiguration(body),
                ResponseParser.autopilotState(body))).hasSize(5);
    }
}
