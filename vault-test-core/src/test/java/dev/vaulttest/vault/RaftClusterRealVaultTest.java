package dev.vaulttest.vault;

import static dev.vaulttest.fixture.RealVault.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.fixture.RealVault;
import dev.vaulttest.internal.Wait;
import dev.vaulttest.testkit.real.VaultProcessCluster;
import dev.vaulttest.vault.HealthStatus.HealthState;
import dev.vaulttest.vault.RaftConfiguration.RaftServer;
import dev.vaulttest.vault.VaultNodeClient.InitResult;
import dev.vaulttest.vault.VaultNodeClient.LeaderStatus;
import dev.vaulttest.vault.VaultNodeClient.RaftJoinRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Raft join, membership, autopilot, leadership and health of standbys, on one real 3-node Shamir cluster whose
 * followers join explicitly through the library's client. The tests only read, except the last ones, which run
 * in a fixed order through {@link #leadership_moves_on_step_down()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Beside other classes, but its tests one after the other on the class's one cluster: a lock of the class's
// own makes JUnit run them in the class's thread.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("RaftClusterRealVaultTest")
class RaftClusterRealVaultTest {

    private static final Duration PROMOTION = Duration.ofSeconds(60);

    private VaultProcessCluster vault;
    private InitResult init;
    private List<VaultNodeClient> nodes;

    @BeforeAll
    void bringUp() {
        vault = VaultProcessCluster.builder(RealVault.binaries()).nodes(3).start();
        init = RealVault.initShamirAndJoin(vault);
        nodes = RealVault.clients(vault);
        awaitThreeVoters();
    }

    @AfterAll
    void tearDown() {
        if (vault != null) {
            vault.close();
        }
    }

    private VaultNodeClient root(int index) {
        return nodes.get(index).withToken(init.rootToken());
    }

    private RaftConfiguration awaitThreeVoters() {
        return Wait.until("three raft voters", PROMOTION, Duration.ofMillis(250), () -> root(0).raftConfiguration(),
                c -> c.voters().size() == 3, c -> c.servers().toString());
    }

    @Test
    void every_joined_node_is_unsealed() {
        for (VaultNodeClient node : nodes) {
            assertThat(node.sealStatus().sealed()).as(node.endpoint().nodeName()).isFalse();
        }
    }

    @Test
    void the_raft_configuration_lists_every_node_with_one_leader() {
        RaftConfiguration configuration = root(1).raftConfiguration();

        assertThat(configuration.servers()).extracting(RaftServer::nodeId)
                .containsExactlyInAnyOrder("vault-0", "vault-1", "vault-2");
        assertThat(configuration.servers()).filteredOn(RaftServer::leader).hasSize(1);
        assertThat(configuration.server("vault-1")).hasValueSatisfying(server -> assertThat(server.address())
                .isEqualTo("127.0.0.1:" + vault.node(1).clusterPort()));
    }

    @Test
    void autopilot_reports_a_healthy_cluster_of_three_voters() {
        AutopilotState state = Wait.until("autopilot healthy with three voters", PROMOTION, Duration.ofMillis(250),
                () -> root(0).autopilotState().orElseThrow(), s -> s.healthy() && s.voters().size() == 3,
                AutopilotState::toString);

        assertThat(state.voters()).containsExactlyInAnyOrder("vault-0", "vault-1", "vault-2");
        assertThat(state.failureTolerance()).isEqualTo(1);
        assertThat(state.servers()).containsOnlyKeys("vault-0", "vault-1", "vault-2");
    }

    @Test
    void standbys_answer_health_429_and_name_the_active_node() {
        int active = activeIndex();
        for (int i = 0; i < nodes.size(); i++) {
            if (i == active) {
                continue;
            }
            HealthStatus health = nodes.get(i).health();
            assertThat(health.state()).isEqualTo(HealthState.STANDBY);
            assertThat(health.httpStatus()).isEqualTo(429);
            assertThat(health.standby()).isTrue();
            LeaderStatus leader = nodes.get(i).leader();
            assertThat(leader.isSelf()).isFalse();
            assertThat(leader.leaderAddress()).isEqualTo(vault.node(active).apiAddress().toString());
        }
    }

    @Test
    void joining_a_node_that_is_already_a_member_answers_joined() {
        boolean joined = nodes.get(1).raftJoin(RaftJoinRequest.to(vault.node(0).apiAddress().toString()));

        assertThat(joined).isTrue();
    }

    @Test
    void a_standby_forwards_raft_reads_and_the_client_refuses_them_without_a_token() {
        int standby = (activeIndex() + 1) % 3;

        assertThat(root(standby).raftConfiguration().servers()).hasSize(3);
        assertThatThrownBy(() -> nodes.get(standby).raftConfiguration())
                .isInstanceOfSatisfying(VaultApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(VaultApiException.NO_HTTP_STATUS);
                    assertThat(e).hasMessageContaining("needs a Vault token");
                });
    }

    @Test
    void leadership_moves_on_step_down() {
        int before = activeIndex();

        root(before).stepDown();

        int after = Wait.until("a new active node", Duration.ofSeconds(60), Duration.ofMillis(250),
                this::activeIndexOrMinusOne, i -> i >= 0 && i != before, i -> "active index " + i);
        assertThat(after).isNotEqualTo(before);
        awaitThreeVoters();
    }

    private int activeIndex() {
        int index = activeIndexOrMinusOne();
        assertThat(index).as("exactly one active node").isNotNegative();
        return index;
    }

    private int activeIndexOrMinusOne() {
        int found = -1;
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).health().isActive()) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }
}
