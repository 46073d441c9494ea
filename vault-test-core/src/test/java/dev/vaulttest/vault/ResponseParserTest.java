package dev.vaulttest.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.testkit.RecordedResponses;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Parsing against bodies recorded from the documented field lists, including Enterprise, newer and older
 * variants with fields the library does not know.
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
        SealStatus status = ResponseParser.sealStatus(RecordedResponses.json("seal-status-sealed"));

        assertThat(status.initialized()).isTrue();
        assertThat(status.sealed()).isTrue();
        assertThat(status.progress()).isEqualTo(1);
        assertThat(status.threshold()).isEqualTo(3);
        assertThat(status.shares()).isEqualTo(5);
        assertThat(status.nonce()).isEqualTo("6f9f8a3e-2c1b-4b7e-9d55-0f3c2a1b7e41");
        assertThat(status.version()).isEqualTo("2.0.4");
        assertThat(status.buildDate()).isEqualTo("2026-07-30T10:12:44Z");
        assertThat(status.migration()).isFalse();
    }

    @Test
    void unsealedSealStatusNamesTheCluster() {
        SealStatus status = ResponseParser.sealStatus(RecordedResponses.json("seal-status-unsealed"));

        assertThat(status.isUnsealed()).isTrue();
        assertThat(status.clusterName()).contains("vault-cluster-5e2f1c3a");
        assertThat(status.clusterId()).contains("0b7d6c2e-51f4-9a3d-7c1e-2f8b4d6a9e10");
        assertThat(status.isAutoUnseal()).isFalse();
        assertThat(status.isInMemoryStorage()).isFalse();
    }

    @Test
    void awskmsSealStatusIsARecoverySeal() {
        SealStatus status = ResponseParser.sealStatus(RecordedResponses.json("seal-status-awskms-unsealed"));

        assertThat(status.type()).isEqualTo("awskms");
        assertThat(status.recoverySeal()).isTrue();
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
        HealthStatus health = ResponseParser.health(200, HealthState.ACTIVE, RecordedResponses.json("health-active"));

        assertThat(health.isActive()).isTrue();
        assertThat(health.initialized()).isTrue();
        assertThat(health.sealed()).isFalse();
        assertThat(health.standby()).isFalse();
        assertThat(health.performanceStandby()).isFalse();
        assertThat(health.replicationPerformanceMode()).isEqualTo("disabled");
        assertThat(health.replicationDrMode()).isEqualTo("disabled");
        assertThat(health.serverTimeUtc()).isEqualTo(1795850000L);
        assertThat(health.version()).isEqualTo("2.0.4");
        assertThat(health.clusterName()).contains("vault-cluster-5e2f1c3a");
        assertThat(health.enterprise()).isFalse();
        assertThat(health.removedFromCluster()).contains(false);
        assertThat(health.haConnectionHealthy()).isEmpty();
        assertThat(health.echoDurationMs()).isEqualTo(OptionalLong.of(0));
    }

    @Test
    void standbyHealthReportsTheHaConnection() {
        HealthStatus health = ResponseParser.health(429, HealthState.STANDBY, RecordedResponses.json("health-standby"));

        assertThat(health.standby()).isTrue();
        assertThat(health.haConnectionHealthy()).contains(true);
        assertThat(health.lastRequestForwardingHeartbeatMs()).isEqualTo(OptionalLong.of(2));
        assertThat(health.echoDurationMs()).isEqualTo(OptionalLong.of(1));
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
        LeaderStatus leader = ResponseParser.leader(RecordedResponses.json("leader-active"));

        assertThat(leader.haEnabled()).isTrue();
        assertThat(leader.isSelf()).isTrue();
        assertThat(leader.activeTime()).contains(Instant.parse("2026-11-28T07:30:25.354852533Z"));
        assertThat(leader.leaderAddress()).isEqualTo("http://10.42.0.17:8200");
        assertThat(leader.leaderClusterAddress()).isEqualTo("https://vault-0.vault-internal:8201");
        assertThat(leader.raftCommittedIndex()).isEqualTo(OptionalLong.of(412));
        assertThat(leader.raftAppliedIndex()).isEqualTo(OptionalLong.of(412));
        assertThat(leader.hasLeader()).isTrue();
    }

    @Test
    void standbyLeaderStatusTreatsGoZeroTimeAsAbsent() {
        LeaderStatus leader = ResponseParser.leader(RecordedResponses.json("leader-standby"));

        assertThat(leader.isSelf()).isFalse();
        assertThat(leader.activeTime()).isEmpty();
        assertThat(leader.raftAppliedIndex()).isEqualTo(OptionalLong.of(411));
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
        RaftConfiguration configuration = ResponseParser.raftConfiguration(RecordedResponses.json("raft-configuration"));

        assertThat(configuration.index()).isEqualTo(412);
        assertThat(configuration.servers()).containsExactly(
                new RaftServer("vault-0", "vault-0.vault-internal:8201", true, true, "3"),
                new RaftServer("vault-1", "vault-1.vault-internal:8201", false, true, "3"),
                new RaftServer("vault-2", "vault-2.vault-internal:8201", false, false, "3"));
        assertThat(configuration.leader()).map(RaftServer::nodeId).contains("vault-0");
        assertThat(configuration.voters()).extracting(RaftServer::nodeId).containsExactly("vault-0", "vault-1");
        assertThat(configuration.server("vault-2")).map(RaftServer::voter).contains(false);
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
        AutopilotServer leader = state.servers().get("vault-0");
        assertThat(leader).isEqualTo(new AutopilotServer("vault-0", "vault-0", "vault-0.vault-internal:8201", "alive",
                "0s", 3, 412, true, Optional.of(Instant.parse("2026-11-28T07:30:25.171851173Z")), "leader", "2.0.4",
                "voter"));
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
        InitResult result = ResponseParser.initResult(RecordedResponses.json("init-shamir"));

        assertThat(result.keys()).hasSize(3);
        assertThat(result.keys().get(0).reveal())
                .isEqualTo("4e1f3c7a9b2d5e8f0a1c3e5f7a9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5f01");
        assertThat(result.keysBase64()).hasSize(3);
        assertThat(result.recoveryKeys()).isEmpty();
        assertThat(result.rootToken().reveal()).isEqualTo("hvs.Qm9vdHN0cmFwUm9vdFRva2VuRm9yVGVzdA");
        assertThat(result.isAutoUnseal()).isFalse();
    }

    @Test
    void awskmsInitResultHasRecoveryKeysOnly() {
        InitResult result = ResponseParser.initResult(RecordedResponses.json("init-awskms"));

        assertThat(result.keys()).isEmpty();
        assertThat(result.recoveryKeys()).hasSize(1);
        assertThat(result.recoveryKeysBase64()).hasSize(1);
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
        KvSecret secret = ResponseParser.kvSecret("secret", "app", RecordedResponses.json("kv-read"));

        assertThat(secret.data()).isEqualTo(Map.of("username", "app", "password", "correct-horse-battery-staple"));
        assertThat(secret.version()).isEqualTo(2);
        assertThat(secret.createdTime()).contains(Instant.parse("2026-11-28T07:31:02.123456789Z"));
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
