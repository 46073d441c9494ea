package dev.vaulttest.vault;

import static dev.vaulttest.fixture.RealVault.client;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.fixture.RealVault;
import dev.vaulttest.internal.Wait;
import dev.vaulttest.testkit.real.VaultProcessCluster;
import dev.vaulttest.vault.HealthStatus.HealthState;
import dev.vaulttest.vault.RaftConfiguration.RaftServer;
import dev.vaulttest.vault.VaultNodeClient.InitResult;
import dev.vaulttest.vault.VaultNodeClient.RaftJoinRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** How a real node joins, unseals after joining, gets promoted, and leaves: what the double must reproduce. */
@Execution(ExecutionMode.CONCURRENT)
class RaftJoinRealVaultTest {

    private final List<VaultProcessCluster> clusters = new CopyOnWriteArrayList<>();

    private VaultProcessCluster cluster(int nodes) {
        VaultProcessCluster vault = VaultProcessCluster.builder(RealVault.binaries()).nodes(nodes).start();
        clusters.add(vault);
        return vault;
    }

    @AfterEach
    void stop() {
        clusters.forEach(VaultProcessCluster::close);
    }

    private static InitResult initLeader(VaultNodeClient leader) {
        InitResult init = RealVault.initActive(leader, 3, 2);
        // Long enough to see a joiner as a non-voter first, shorter than the real default of 10 s.
        RealVault.stabilizeAfter(leader.withToken(init.rootToken()), Duration.ofSeconds(3));
        return init;
    }

    @Test
    void an_explicit_join_answers_joined_and_the_last_share_leaves_the_node_to_unseal_in_the_background() {
        VaultProcessCluster vault = cluster(2);
        VaultNodeClient leader = client(vault.node(0));
        VaultNodeClient joiner = client(vault.node(1));
        InitResult init = initLeader(leader);

        boolean joined = joiner.raftJoin(RaftJoinRequest.to(vault.node(0).apiAddress().toString()));
        List<SealStatus> answers = new ArrayList<>();
        SealStatus result = joiner.unseal(init.keys(), answers::add);

        assertThat(joined).isTrue();
        SealStatus last = answers.get(answers.size() - 1);
        assertThat(last.sealed()).as("the answer to the last share").isTrue();
        assertThat(last.progress()).as("progress after the last share").isZero();
        assertThat(result.sealed()).as("what unseal returns after waiting").isFalse();
        assertThat(joiner.sealStatus().sealed()).isFalse();
    }

    @Test
    void a_joined_node_starts_as_a_non_voter_and_autopilot_promotes_it() {
        VaultProcessCluster vault = cluster(2);
        VaultNodeClient leader = client(vault.node(0));
        VaultNodeClient joiner = client(vault.node(1));
        InitResult init = initLeader(leader);
        VaultNodeClient root = leader.withToken(init.rootToken());

        joiner.raftJoin(RaftJoinRequest.to(vault.node(0).apiAddress().toString()));
        joiner.unseal(init.keys());

        RaftServer first = Wait.until("vault-1 in the raft configuration", Duration.ofSeconds(30),
                Duration.ofMillis(100), () -> root.raftConfiguration().server("vault-1"), s -> s.isPresent(),
                s -> "absent").orElseThrow();
        assertThat(first.voter()).as("right after joining").isFalse();
        RaftServer promoted = Wait.until("vault-1 promoted to voter", Duration.ofSeconds(60), Duration.ofMillis(250),
                () -> root.raftConfiguration().server("vault-1").orElseThrow(), RaftServer::voter,
                RaftServer::toString);
        assertThat(promoted.voter()).isTrue();
    }

    @Test
    void a_join_with_retry_answers_not_joined_yet_and_joins_in_the_background() {
        VaultProcessCluster vault = cluster(2);
        VaultNodeClient leader = client(vault.node(0));
        VaultNodeClient joiner = client(vault.node(1));
        InitResult init = initLeader(leader);

        boolean joined = joiner.raftJoin(RaftJoinRequest.to(vault.node(0).apiAddress().toString()).withRetry(true));

        assertThat(joined).isFalse();
        // The background join needs the keys to answer the leader's challenge; until it has the challenge,
        // Vault refuses them, so the keys are offered on every poll while the node is sealed.
        SealStatus unsealed = Wait.until("vault-1 unsealed after its retry join", Duration.ofSeconds(60),
                Duration.ofMillis(250), () -> {
                    SealStatus status = joiner.sealStatus();
                    if (!status.sealed()) {
                        return status;
                    }
                    try {
                        return joiner.unseal(init.keys());
                    } catch (VaultApiException notYet) {
                        return status;
                    }
                }, SealStatus::isUnsealed, s -> "sealed=" + s.sealed() + ", progress " + s.progress());
        assertThat(unsealed.isUnsealed()).isTrue();
        assertThat(leader.withToken(init.rootToken()).raftConfiguration().server("vault-1")).isPresent();
    }

    @Test
    void a_removed_peer_leaves_the_configuration_and_reports_itself_removed() {
        VaultProcessCluster vault = cluster(3);
        InitResult init = RealVault.initShamirAndJoin(vault);
        VaultNodeClient root = client(vault.node(0)).withToken(init.rootToken());
        Wait.until("three voters", Duration.ofSeconds(60), Duration.ofMillis(250), root::raftConfiguration,
                c -> c.voters().size() == 3, c -> c.servers().toString());

        root.removePeer("vault-2");

        assertThat(root.raftConfiguration().servers()).extracting(RaftServer::nodeId)
                .containsExactlyInAnyOrder("vault-0", "vault-1");
        VaultNodeClient removed = client(vault.node(2));
        HealthStatus health = Wait.until("vault-2 to notice its removal", Duration.ofSeconds(60),
                Duration.ofMillis(250), removed::health, h -> h.state() == HealthState.REMOVED_FROM_CLUSTER,
                h -> h.httpStatus() + " " + h.state());
        assertThat(health.httpStatus()).isEqualTo(530);
        assertThat(health.removedFromCluster()).contains(true);
    }
}
