package dev.vaulttest.vault;

import static dev.vaulttest.vault.FakeNodes.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.internal.Wait;
import dev.vaulttest.testkit.FakeVaultCluster;
import dev.vaulttest.testkit.FakeVaultNode;
import dev.vaulttest.testkit.NodeState;
import dev.vaulttest.testkit.RecordedRequest;
import dev.vaulttest.testkit.SealKind;
import dev.vaulttest.vault.HealthStatus.HealthState;
import dev.vaulttest.vault.RaftConfiguration.RaftServer;
import dev.vaulttest.vault.VaultNodeClient.InitRequest;
import dev.vaulttest.vault.VaultNodeClient.InitResult;
import dev.vaulttest.vault.VaultNodeClient.RaftJoinRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Init, unseal, seal, step-down, join, remove-peer, restarts and KMS outages against the double. */
class VaultNodeClientLifecycleTest {

    private static final Duration SETTLE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(50);

    private final List<FakeVaultCluster> clusters = new ArrayList<>();

    private FakeVaultCluster cluster(int nodes, SealKind seal) {
        FakeVaultCluster cluster = FakeVaultCluster.builder().nodes(nodes).seal(seal).start();
        clusters.add(cluster);
        return cluster;
    }

    @AfterEach
    void stop() {
        clusters.forEach(FakeVaultCluster::close);
    }

    private static HealthStatus awaitHealth(VaultNodeClient node, HealthState state) {
        return Wait.until(node.endpoint().nodeName() + " " + state, SETTLE, POLL, node::health, h -> h.state() == state,
                h -> h.httpStatus() + " " + h.state());
    }

    private static RaftConfiguration awaitVoters(VaultNodeClient root, int voters) {
        return Wait.until(voters + " raft voters", SETTLE, POLL, root::raftConfiguration,
                c -> c.voters().size() == voters, c -> c.servers().toString());
    }

    @Test
    void shamirInitSendsOnlySecretFieldsAndLeavesTheNodeSealed() {
        FakeVaultCluster cluster = cluster(1, SealKind.SHAMIR);
        VaultNodeClient node = client(cluster, 0);

        InitResult result = node.init(InitRequest.shamir(5, 3));

        assertThat(result.keys()).hasSize(5);
        assertThat(result.keysBase64()).hasSize(5);
        assertThat(result.recoveryKeys()).isEmpty();
        assertThat(result.rootToken().reveal()).startsWith("hvs.");
        assertThat(node.sealStatus().sealed()).isTrue();
        assertThat(node.sealStatus().threshold()).isEqualTo(3);
        RecordedRequest sent = cluster.node(0).lastRequest("sys/init").orElseThrow();
        assertThat(sent.method()).isEqualTo("PUT");
        assertThat(sent.body()).isEqualTo("{\"secret_shares\":5,\"secret_threshold\":3}");
    }

    @Test
    void autoUnsealInitSendsOnlyRecoveryFieldsAndUnsealsAtOnce() {
        FakeVaultCluster cluster = cluster(1, SealKind.AUTO_UNSEAL);
        VaultNodeClient node = client(cluster, 0);

        InitResult result = node.init(InitRequest.autoUnseal(3, 2));

        assertThat(result.isAutoUnseal()).isTrue();
        assertThat(result.keys()).isEmpty();
        assertThat(result.recoveryKeys()).hasSize(3);
        assertThat(node.sealStatus().isUnsealed()).isTrue();
        assertThat(node.health().state()).isEqualTo(HealthState.ACTIVE);
        assertThat(cluster.node(0).lastRequest("sys/init").orElseThrow().body())
                .isEqualTo("{\"recovery_shares\":3,\"recovery_threshold\":2}");
    }

    @Test
    void shamirFieldsUnderAutoUnsealAreRejectedByVault() {
        FakeVaultCluster cluster = cluster(1, SealKind.AUTO_UNSEAL);

        assertThatThrownBy(() -> client(cluster, 0).init(InitRequest.shamir(1, 1)))
                .isInstanceOfSatisfying(VaultApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.errors()).containsExactly(
                            "parameters secret_shares,secret_threshold not applicable to seal type awskms");
                    assertThat(e.operation()).isEqualTo(VaultOperation.INIT);
                });
    }

    @Test
    void secondInitIsRejected() {
        FakeVaultCluster cluster = cluster(1, SealKind.SHAMIR);
        VaultNodeClient node = client(cluster, 0);
        node.init(InitRequest.shamir(1, 1));

        assertThatThrownBy(() -> node.init(InitRequest.shamir(1, 1)))
                .isInstanceOfSatisfying(VaultApiException.class,
                        e -> assertThat(e.errors()).containsExactly("Vault is already initialized"));
    }

    @Test
    void initRequestValidatesThresholdAgainstShares() {
        assertThatThrownBy(() -> InitRequest.shamir(2, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threshold must be between 1 and shares (2)");
    }

    @Test
    void unsealSubmitsKeysUntilUnsealedAndReportsProgress() {
        FakeVaultCluster cluster = cluster(1, SealKind.SHAMIR);
        VaultNodeClient node = client(cluster, 0);
        InitResult init = node.init(InitRequest.shamir(5, 3));
        List<Integer> progress = new ArrayList<>();

        SealStatus status = node.unseal(init.keys(), seen -> progress.add(seen.progress()));

        assertThat(status.isUnsealed()).isTrue();
        assertThat(progress).containsExactly(1, 2, 0);
        assertThat(cluster.node(0).requests()).filteredOn(request -> request.path().equals("sys/unseal")).hasSize(3);
    }

    @Test
    void unsealOfAnUnsealedNodeSendsNoKey() {
        FakeVaultCluster cluster = cluster(1, SealKind.SHAMIR);
        VaultNodeClient node = client(cluster, 0);
        InitResult init = node.init(InitRequest.shamir(1, 1));
        node.unseal(init.keys());

        assertThat(node.unseal(init.keys()).isUnsealed()).isTrue();
        assertThat(cluster.node(0).requests()).filteredOn(request -> request.path().equals("sys/unseal")).hasSize(1);
    }

    @Test
    void tooFewKeysLeaveTheNodeSealedWithAClearError() {
        FakeVaultCluster cluster = cluster(1, SealKind.SHAMIR);
        VaultNodeClient node = client(cluster, 0);
        InitResult init = node.init(InitRequest.shamir(5, 3));

        assertThatThrownBy(() -> node.unseal(init.keys().subList(0, 2)))
                .isInstanceOfSatisfying(VaultApiException.class,
                        e -> assertThat(e.operation()).isEqualTo(VaultOperation.UNSEAL))
                .hasMessageContaining("still sealed after all 2 key share(s): progress 2 of threshold 3");
    }

    @Test
    void keysOfAnotherClusterAreRejectedAtTheThreshold() {
        FakeVaultCluster cluster = cluster(1, SealKind.SHAMIR);
        FakeVaultCluster other = cluster(1, SealKind.SHAMIR);
        VaultNodeClient node = client(cluster, 0);
        node.init(InitRequest.shamir(1, 1));
        InitResult foreign = client(other, 0).init(InitRequest.shamir(1, 1));

        assertThatThrownBy(() -> node.unseal(foreign.keys()))
                .isInstanceOfSatisfying(VaultApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.errors()).containsExactly("Unseal failed, invalid key");
                });
        assertThat(node.sealStatus().sealed()).isTrue();
    }

    @Test
    void malformedKeyIsRejected() {
        FakeVaultCluster cluster = cluster(1, SealKind.SHAMIR);
        VaultNodeClient node = client(cluster, 0);
        node.init(InitRequest.shamir(1, 1));

        assertThatThrownBy(() -> node.unseal(List.of(Sensitive.of("not a key!"))))
                .isInstanceOfSatisfying(VaultApiException.class,
                        e -> assertThat(e.errors()).containsExactly("'key' must be a valid hex or base64 string"));
    }

    @Test
    void resetDiscardsUnsealProgress() {
        FakeVaultCluster cluster = cluster(1, SealKind.SHAMIR);
        VaultNodeClient node = client(cluster, 0);
        InitResult init = node.init(InitRequest.shamir(3, 2));
        assertThatThrownBy(() -> node.unseal(init.keys().subList(0, 1))).isInstanceOf(VaultApiException.class);
        assertThat(node.sealStatus().progress()).isEqualTo(1);
        assertThat(node.sealStatus().nonce()).isNotEmpty();

        SealStatus reset = node.resetUnseal();

        assertThat(reset.progress()).isZero();
        assertThat(reset.nonce()).isEmpty();
    }

    @Test
    void sealThroughTheDriverSealsTheActiveNode() {
        FakeVaultCluster cluster = cluster(1, SealKind.SHAMIR);
        String root = cluster.bootstrap(1, 1).rootToken();
        VaultNodeClient node = client(cluster, 0).withToken(Sensitive.of(root));

        node.seal();

        assertThat(node.sealStatus().sealed()).isTrue();
        assertThat(cluster.node(0).state()).isEqualTo(NodeState.SEALED);
    }

    @Test
    void sealOnAStandbyIsRefused() {
        FakeVaultCluster cluster = cluster(3, SealKind.SHAMIR);
        String root = cluster.bootstrap(1, 1).rootToken();
        FakeVaultNode standby = cluster.nodes().stream().filter(node -> node.state() == NodeState.STANDBY)
                .findFirst().orElseThrow();

        assertThatThrownBy(() -> client(standby).withToken(Sensitive.of(root)).seal())
                .isInstanceOfSatisfying(VaultApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(500);
                    assertThat(e.errors()).containsExactly(
                            "vault cannot seal when in standby mode; please restart instead");
                });
    }

    @Test
    void stepDownHandsLeadershipToAnotherVoter() {
        FakeVaultCluster cluster = cluster(3, SealKind.SHAMIR);
        String root = cluster.bootstrap(1, 1).rootToken();
        String before = cluster.leader().orElseThrow().name();

        FakeNodes.leader(cluster, Sensitive.of(root)).stepDown();

        String after = cluster.leader().orElseThrow().name();
        assertThat(after).isNotEqualTo(before);
        assertThat(client(cluster.node(before)).health().state()).isEqualTo(HealthState.STANDBY);
    }

    @Test
    void joinThenUnsealWithTheLeadersKeysMakesAStandbyVoter() {
        FakeVaultCluster cluster = cluster(2, SealKind.SHAMIR);
        VaultNodeClient first = client(cluster, 0);
        InitResult init = first.init(InitRequest.shamir(3, 2));
        first.unseal(init.keys());
        VaultNodeClient joiner = client(cluster, 1);

        boolean joined = joiner.raftJoin(RaftJoinRequest.to("http://vault-0.vault-internal:8200"));
        assertThat(joiner.sealStatus().sealed()).isTrue();
        joiner.unseal(init.keysBase64());

        assertThat(joined).isTrue();
        assertThat(joiner.health().state()).isEqualTo(HealthState.STANDBY);
        assertThat(awaitVoters(first.withToken(init.rootToken()), 2).voters()).extracting(RaftServer::nodeId)
                .containsExactly("vault-0", "vault-1");
        assertThat(cluster.node(1).lastRequest("sys/storage/raft/join").orElseThrow().body())
                .isEqualTo("{\"leader_api_addr\":\"http://vault-0.vault-internal:8200\",\"retry\":false}");
    }

    @Test
    void joinSendsTheLeadersCaCertificate() {
        FakeVaultCluster cluster = cluster(2, SealKind.AUTO_UNSEAL);
        client(cluster, 0).init(InitRequest.autoUnseal(1, 1));

        client(cluster, 1).raftJoin(RaftJoinRequest.to(cluster.node(0).apiAddress())
                .withLeaderCaCert("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n").withRetry(true));

        assertThat(cluster.node(1).lastRequest("sys/storage/raft/join").orElseThrow().body())
                .contains("\"leader_ca_cert\":\"-----BEGIN CERTIFICATE-----\\nMIIB")
                .contains("\"retry\":true");
        awaitHealth(client(cluster, 1), HealthState.STANDBY);
    }

    @Test
    void joinOfANodeWithDataAnswersJoinedWithoutChangingIt() {
        FakeVaultCluster cluster = cluster(2, SealKind.SHAMIR);
        cluster.bootstrap(1, 1);

        assertThat(client(cluster, 1).raftJoin(RaftJoinRequest.to(cluster.node(0).apiAddress()))).isTrue();
        assertThat(cluster.node(1).state()).isEqualTo(NodeState.STANDBY);
    }

    @Test
    void joinToAnUnreachableLeaderFailsUnlessRetrying() {
        FakeVaultCluster cluster = cluster(2, SealKind.AUTO_UNSEAL);
        client(cluster, 0).init(InitRequest.autoUnseal(1, 1));
        cluster.stop("vault-0");

        assertThatThrownBy(() -> client(cluster, 1).raftJoin(RaftJoinRequest.to(cluster.node(0).apiAddress())))
                .isInstanceOfSatisfying(VaultApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(500))
                .hasMessageContaining("failed to join raft cluster");
        assertThat(client(cluster, 1).raftJoin(RaftJoinRequest.to(cluster.node(0).apiAddress()).withRetry(true)))
                .isFalse();
        cluster.start("vault-0");
        awaitHealth(client(cluster, 1), HealthState.STANDBY);
    }

    @Test
    void removePeerDropsTheMember() {
        FakeVaultCluster cluster = cluster(3, SealKind.SHAMIR);
        String root = cluster.bootstrap(1, 1).rootToken();
        VaultNodeClient leader = FakeNodes.leader(cluster, Sensitive.of(root));
        String victim = leader.raftConfiguration().servers().stream().filter(server -> !server.leader())
                .findFirst().orElseThrow().nodeId();

        leader.removePeer(victim);

        assertThat(leader.raftConfiguration().server(victim)).isEmpty();
        assertThatThrownBy(() -> leader.removePeer("nobody")).isInstanceOf(VaultApiException.class);
    }

    @Test
    void restartedShamirNodeComesBackSealedWithItsData() {
        FakeVaultCluster cluster = cluster(1, SealKind.SHAMIR);
        FakeVaultCluster.Bootstrap keys = cluster.bootstrap(1, 1);
        VaultNodeClient root = client(cluster, 0).withToken(Sensitive.of(keys.rootToken()));
        root.enableKvV2("kv");
        root.putSecret("kv", "app", Map.of("user", "app"));

        cluster.restart("vault-0");

        assertThat(root.health().state()).isEqualTo(HealthState.SEALED);
        root.unseal(FakeNodes.keys(keys.unsealKeysHex()));
        assertThat(root.getSecret("kv", "app")).map(KvSecret::data).contains(Map.of("user", "app"));
    }

    @Test
    void restartedAutoUnsealNodeUnsealsItselfWhileTheKmsIsReachable() {
        FakeVaultCluster cluster = cluster(3, SealKind.AUTO_UNSEAL);
        cluster.bootstrap(1, 1);

        cluster.restart("vault-1");

        assertThat(client(cluster, 1).sealStatus().isUnsealed()).isTrue();
        assertThat(client(cluster, 1).health().state().isServing()).isTrue();
    }

    @Test
    void autoUnsealNodeCrashLoopsWhileTheKmsIsUnreachableAndRecoversAfter() {
        FakeVaultCluster cluster = cluster(3, SealKind.AUTO_UNSEAL);
        cluster.bootstrap(1, 1);
        cluster.setKmsReachable(false);

        assertThat(client(cluster, 0).health().state().isServing()).isTrue();
        cluster.restart("vault-2");
        assertThat(cluster.node(2).state()).isEqualTo(NodeState.CRASH_LOOPING);
        assertThatThrownBy(() -> client(cluster, 2).sealStatus())
                .isInstanceOfSatisfying(VaultApiException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(VaultApiException.NO_HTTP_STATUS))
                .hasMessageContaining("KMS");

        cluster.setKmsReachable(true);

        assertThat(client(cluster, 2).sealStatus().isUnsealed()).isTrue();
    }

    @Test
    void devModeLosesEverythingOnRestart() {
        FakeVaultCluster dev = FakeVaultCluster.builder().devMode("root").start();
        clusters.add(dev);
        VaultNodeClient root = client(dev, 0).withToken(Sensitive.of("root"));
        root.putSecret("secret", "app", Map.of("user", "app"));

        dev.restart("vault-0");

        assertThat(root.sealStatus().isUnsealed()).isTrue();
        assertThat(root.getSecret("secret", "app")).isEmpty();
    }

    @Test
    void wipedNodeIsUninitialisedAndCanRejoin() {
        FakeVaultCluster cluster = cluster(3, SealKind.AUTO_UNSEAL);
        cluster.bootstrap(1, 1);
        FakeVaultNode wiped = cluster.nodes().stream().filter(node -> node.state() == NodeState.STANDBY)
                .findFirst().orElseThrow();

        cluster.wipeStorage(wiped.name());

        assertThat(client(wiped).health().state()).isEqualTo(HealthState.NOT_INITIALIZED);
        client(wiped).raftJoin(RaftJoinRequest.to(cluster.leader().orElseThrow().apiAddress()));
        assertThat(client(wiped).health().state()).isEqualTo(HealthState.STANDBY);
    }

    // ---- behaviour verified against real Vault 1.21.1 ------------------------------------------------------

    @Test
    void shamirJoinerAnswersTheLastShareSealedWithProgressZeroAndUnsealsInTheBackground() {
        FakeVaultCluster cluster = cluster(2, SealKind.SHAMIR);
        VaultNodeClient leader = client(cluster, 0);
        InitResult init = leader.init(InitRequest.shamir(3, 2));
        leader.unseal(init.keys());
        VaultNodeClient joiner = client(cluster, 1);
        joiner.raftJoin(RaftJoinRequest.to(cluster.node(0).apiAddress()));
        SealStatus waiting = joiner.sealStatus();
        List<SealStatus> answers = new ArrayList<>();

        SealStatus result = joiner.unseal(init.keys(), answers::add);

        assertThat(waiting.initialized()).isTrue();
        assertThat(waiting.threshold()).isEqualTo(2);
        SealStatus last = answers.get(answers.size() - 1);
        assertThat(last.sealed()).isTrue();
        assertThat(last.progress()).isZero();
        assertThat(result.sealed()).isFalse();
        assertThat(joiner.sealStatus().sealed()).isFalse();
    }

    @Test
    void joinerStartsAsANonVoterAndAutopilotPromotesIt() {
        FakeVaultCluster cluster = FakeVaultCluster.builder().nodes(2)
                .autopilotStabilizationTime(Duration.ofSeconds(2)).start();
        clusters.add(cluster);
        VaultNodeClient leader = client(cluster, 0);
        InitResult init = leader.init(InitRequest.shamir(1, 1));
        leader.unseal(init.keys());
        VaultNodeClient root = leader.withToken(init.rootToken());

        client(cluster, 1).raftJoin(RaftJoinRequest.to(cluster.node(0).apiAddress()));
        client(cluster, 1).unseal(init.keys());

        assertThat(root.raftConfiguration().server("vault-1")).hasValueSatisfying(
                server -> assertThat(server.voter()).as("right after joining").isFalse());
        assertThat(awaitVoters(root, 2).server("vault-1")).hasValueSatisfying(
                server -> assertThat(server.voter()).isTrue());
    }

    @Test
    void retryJoinAnswersNotJoinedYetAndJoinsInTheBackground() {
        FakeVaultCluster cluster = cluster(2, SealKind.SHAMIR);
        VaultNodeClient leader = client(cluster, 0);
        InitResult init = leader.init(InitRequest.shamir(3, 2));
        leader.unseal(init.keys());
        VaultNodeClient joiner = client(cluster, 1);

        boolean joined = joiner.raftJoin(RaftJoinRequest.to(cluster.node(0).apiAddress()).withRetry(true));

        assertThat(joined).isFalse();
        Wait.until("vault-1 waiting for its keys", SETTLE, POLL, joiner::sealStatus, SealStatus::initialized,
                s -> "initialized=" + s.initialized());
        joiner.unseal(init.keys());
        assertThat(leader.withToken(init.rootToken()).raftConfiguration().server("vault-1")).isPresent();
    }

    @Test
    void resetOnAnUnsealedNodeIs400AndSealingASealedNodeIsAccepted() {
        FakeVaultCluster cluster = cluster(1, SealKind.SHAMIR);
        VaultNodeClient node = client(cluster, 0);
        InitResult init = node.init(InitRequest.shamir(3, 2));
        node.unseal(init.keys());
        VaultNodeClient root = node.withToken(init.rootToken());

        assertThatThrownBy(node::resetUnseal).isInstanceOfSatisfying(VaultApiException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.hasError("vault is unsealed")).isTrue();
        });
        root.seal();
        root.seal();
        assertThat(node.sealStatus().sealed()).isTrue();
    }

    @Test
    void aShareOfAnotherClusterIsTakenUntilTheThresholdAndThenRefusedWith400() {
        FakeVaultCluster cluster = cluster(1, SealKind.SHAMIR);
        FakeVaultCluster other = cluster(1, SealKind.SHAMIR);
        VaultNodeClient node = client(cluster, 0);
        InitResult init = node.init(InitRequest.shamir(3, 2));
        Sensitive foreign = client(other, 0).init(InitRequest.shamir(3, 2)).keys().get(0);
        List<SealStatus> answers = new ArrayList<>();

        assertThatThrownBy(() -> node.unseal(List.of(foreign, init.keys().get(0)), answers::add))
                .isInstanceOfSatisfying(VaultApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(400));
        assertThat(answers).extracting(SealStatus::progress).containsExactly(1);
        assertThat(node.sealStatus().progress()).isZero();
    }
}
