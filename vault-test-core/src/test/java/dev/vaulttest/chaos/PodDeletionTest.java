package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.NodeRole;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.chaos.PodDeletion.DeletedPod;
import dev.vaulttest.timing.RecoveryMeasurement;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class PodDeletionTest {

    KubernetesMockServer server;
    KubernetesClient client;
    private ChaosWorld world;

    @AfterEach
    void tearDown() {
        if (world != null) {
            world.close();
        }
    }

    private String uid(String pod) {
        return client.pods().inNamespace(world.namespace()).withName(pod).get().getMetadata().getUid();
    }

    private List<String> uids() {
        return world.pods().stream().map(this::uid).toList();
    }

    @Test
    void deletingTheActiveNodeWaitsUntilTheOldPodIsGoneAndTimesTheNewLeader() {
        world = ChaosWorld.shamir(server, client);
        String leader = world.leader();
        String oldUid = uid(leader);

        try (PodDeletion deletion = world.chaos.deletePods(PodTarget.active(), Grace.IMMEDIATE)) {
            assertThat(deletion.deletedPods()).singleElement().satisfies(pod -> {
                assertThat(pod.name()).isEqualTo(leader);
                assertThat(pod.roleBefore()).isEqualTo(NodeRole.ACTIVE);
                assertThat(pod.oldUid()).isEqualTo(oldUid);
                assertThat(pod.newUid()).isNotEqualTo(Optional.of(oldUid));
            });
            assertThat(deletion.verification().expected()).contains(leader).contains("gone");

            RecoveryMeasurement measurement = deletion.recovery().awaitWithin(deletion.newLeader(),
                    Duration.ofSeconds(10));

            assertThat(measurement.outcome()).isEqualTo(RecoveryMeasurement.Outcome.RECOVERED);
            assertThat(measurement.disruption()).isEqualTo("delete-pod");
            assertThat(measurement.condition()).isEqualTo("new leader (not " + leader + ")");
            assertThat(world.env.snapshot().active().orElseThrow().name()).isNotEqualTo(leader);
            // Shamir: the recreated pod comes back sealed
            RecoveryMeasurement sealed = deletion.recovery().awaitWithin(RecoveryProbe.inRole(leader, NodeRole.SEALED),
                    Duration.ofSeconds(10));
            assertThat(sealed.recoveredAfter()).isPresent();
            assertThat(deletion.measurements()).containsExactly(measurement, sealed);
        }
        assertThat(world.measurements).hasSize(2);
    }

    @Test
    void underAutoUnsealTheDeletedLeaderRejoinsUnsealed() {
        world = ChaosWorld.autoUnseal(server, client);
        String leader = world.leader();

        try (PodDeletion deletion = world.chaos.deleteActive()) {
            deletion.recovery().awaitWithin(RecoveryProbe.unsealed(leader), Duration.ofSeconds(10));
            assertThat(deletion.grace()).isEqualTo(Grace.GRACEFUL);
        }
        assertThat(world.env.snapshot().node(leader).orElseThrow().isUnsealed()).isTrue();
    }

    @Test
    void deletingAllStandbysLeavesTheActiveNodeAlone() {
        world = ChaosWorld.shamir(server, client);
        String leader = world.leader();
        String leaderUid = uid(leader);

        try (PodDeletion deletion = world.chaos.deletePods(PodTarget.allStandbys(), Grace.GRACEFUL)) {
            assertThat(deletion.deletedPods()).hasSize(2).extracting(DeletedPod::roleBefore)
                    .containsOnly(NodeRole.STANDBY);
            assertThat(deletion.deletedPods()).extracting(DeletedPod::name).doesNotContain(leader);
        }
        assertThat(uid(leader)).isEqualTo(leaderUid);
    }

    @Test
    void deletingOneStandbyPicksTheFirstByName() {
        world = ChaosWorld.shamir(server, client);
        List<String> standbys = world.env.snapshot().nodesIn(NodeRole.STANDBY).stream().map(NodeSnapshot::name)
                .sorted().toList();

        PodDeletion deletion = world.chaos.deleteStandby();

        assertThat(deletion.deletedPods()).extracting(DeletedPod::name).containsExactly(standbys.get(0));
    }

    @Test
    void deletingAllPodsReplacesEveryUid() {
        world = ChaosWorld.shamir(server, client);
        List<String> before = uids();

        PodDeletion deletion = world.chaos.deletePods(PodTarget.all(), Grace.IMMEDIATE);

        assertThat(deletion.deletedPods()).extracting(DeletedPod::oldUid).containsExactlyElementsOf(before);
        deletion.recovery().awaitWithin(RecoveryProbe.of("three pods", s -> s.nodes().stream()
                .allMatch(n -> n.podUid().isPresent())), Duration.ofSeconds(10));
        assertThat(uids()).doesNotContainAnyElementsOf(before);
    }

    @Test
    void aPodHeldByAFinalizerIsReportedAsNotEffectiveWithWhatWasSeen() {
        world = ChaosWorld.shamir(server, client);
        String pod = world.pod(1);
        client.pods().inNamespace(world.namespace()).withName(pod).edit(p -> {
            p.getMetadata().setFinalizers(List.of("example.com/hold"));
            return p;
        });
        Chaos impatient = world.chaos(ChaosWorld.fastOptions().faultTimeout(Duration.ofSeconds(1)));

        assertThatThrownBy(() -> impatient.deletePods(PodTarget.named(pod), Grace.IMMEDIATE))
                .isInstanceOf(FaultNotEffectiveException.class)
                .hasMessageContaining("delete-pod on pod/" + pod + " did not take effect")
                .hasMessageContaining(pod + " still there")
                .hasMessageContaining("example.com/hold")
                .satisfies(e -> assertThat(((FaultNotEffectiveException) e).measurement().outcome())
                        .isEqualTo(RecoveryMeasurement.Outcome.FAULT_NOT_EFFECTIVE));
        assertThat(world.measurements).extracting(RecoveryMeasurement::outcome)
                .containsExactly(RecoveryMeasurement.Outcome.FAULT_NOT_EFFECTIVE);
    }

    @Test
    void aTargetThatDoesNotExistChangesNothing() {
        world = ChaosWorld.shamir(server, client);
        world.pods().forEach(world.vault::restart); // Shamir: every node comes back sealed, so there is no standby
        List<String> uids = uids();

        assertThatThrownBy(() -> world.chaos.deletePods(PodTarget.aStandby(), Grace.GRACEFUL))
                .isInstanceOf(ChaosPreconditionException.class).hasMessageContaining("No pod matches 'a standby'");
        assertThatThrownBy(() -> world.chaos.deletePod("vault-9"))
                .isInstanceOf(ChaosPreconditionException.class).hasMessageContaining("No Vault node named 'vault-9'");
        assertThat(uids()).isEqualTo(uids);
    }
}
