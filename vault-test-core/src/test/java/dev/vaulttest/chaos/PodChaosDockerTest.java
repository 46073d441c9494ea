package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.NodeRole;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.chaos.PvcDeletion.VolumeFate;
import dev.vaulttest.cluster.RequiresRealCluster;
import dev.vaulttest.fixture.ClusterForClass;
import dev.vaulttest.kms.KmsProvider;
import dev.vaulttest.kms.SealSpec;
import dev.vaulttest.timing.RecoveryMeasurement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real pods, claims and StatefulSets on a real cluster (the existing one of {@code vaulttest.kubeconfig}, else
 * k3s): what Vault does when its leader, a node's data or a replica goes. Skipped without either.
 */
@RequiresRealCluster
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PodChaosDockerTest {

    @RegisterExtension
    final ClusterForClass k8s = ClusterForClass.fromSettings();

    @Test
    void underShamirDeletingTheLeaderElectsAnotherAndTheOldPodRejoinsSealed() {
        try (VaultEnvironment env = RealClusters.deploy(VaultEnvironmentSpec.builder().build(), k8s.cluster())) {
            Chaos chaos = RealClusters.chaos(env);

            try (PodDeletion deletion = chaos.deletePods(PodTarget.active(), Grace.GRACEFUL)) {
                String old = deletion.deletedPods().get(0).name();

                RecoveryMeasurement leader = deletion.recovery().await(deletion.newLeader());
                RecoveryMeasurement sealed = deletion.recovery().await(RecoveryProbe.inRole(old, NodeRole.SEALED));

                assertThat(leader.outcome()).isEqualTo(RecoveryMeasurement.Outcome.RECOVERED);
                assertThat(sealed.outcome()).isEqualTo(RecoveryMeasurement.Outcome.RECOVERED);
                assertThat(env.snapshot().node(old).orElseThrow().podUid())
                        .isNotEqualTo(java.util.Optional.of(deletion.deletedPods().get(0).oldUid()));
                // it stays sealed: nothing unseals a Shamir node but its keys
                deletion.recovery().staysBrokenFor(RecoveryProbe.unsealed(old), Duration.ofSeconds(20));
            }
            RealClusters.settle(env);
            assertThat(env.snapshot().active()).isPresent();
        }
    }

    @Test
    void underAutoUnsealTheDeletedLeaderRejoinsUnsealedByItself() {
        VaultEnvironmentSpec spec = VaultEnvironmentSpec.builder().seal(SealSpec.awsKms(KmsProvider.LOCAL_KMS)).build();
        try (VaultEnvironment env = RealClusters.deploy(spec, k8s.cluster())) {
            Chaos chaos = RealClusters.chaos(env);

            try (PodDeletion deletion = chaos.deletePods(PodTarget.active(), Grace.IMMEDIATE)) {
                String old = deletion.deletedPods().get(0).name();

                deletion.recovery().await(deletion.newLeader());
                RecoveryMeasurement unsealed = deletion.recovery().await(RecoveryProbe.unsealed(old));
                RecoveryMeasurement ready = deletion.recovery().await(RecoveryProbe.readyGate());

                assertThat(unsealed.recoveredAfter()).isPresent();
                assertThat(ready.outcome()).isEqualTo(RecoveryMeasurement.Outcome.RECOVERED);
            }
        }
    }

    @Test
    void deletingAStandbysClaimLeavesItEmptyWhileTheOtherNodesKeepTheData() {
        try (VaultEnvironment env = RealClusters.deploy(VaultEnvironmentSpec.builder().build(), k8s.cluster())) {
            Map<String, String> secret = RealClusters.writeSecret(env);
            String standby = env.standbys().get(0).name();
            Chaos chaos = RealClusters.chaos(env);

            try (PvcDeletion deletion = chaos.deletePvc(standby)) {
                VolumeFate expected = "Delete".equals(deletion.reclaimPolicy().orElse(""))
                        ? VolumeFate.DELETED : VolumeFate.RELEASED_AND_RETAINED;
                assertThat(deletion.volumeFate()).as(deletion.volumeFateDetail()).isEqualTo(expected);

                // the StatefulSet brings the pod back on a new, empty claim: Vault starts uninitialised
                deletion.recovery().await(RecoveryProbe.inRole(standby, NodeRole.UNINITIALIZED));
                assertThat(env.kubernetes().persistentVolumeClaims().inNamespace(env.namespace())
                        .withName(deletion.claimName()).get().getMetadata().getUid()).isNotEqualTo(deletion.claimUid());
                // two of three voters remain: quorum holds and the data is still there
                assertThat(env.snapshot().active()).isPresent();
                assertThat(RealClusters.readSecret(env)).isEqualTo(secret);
            }
        }
    }

    @Test
    void scalingDownStopsPodsAndClosingBringsThemBack() {
        try (VaultEnvironment env = RealClusters.deploy(VaultEnvironmentSpec.builder().build(), k8s.cluster())) {
            Chaos chaos = RealClusters.chaos(env);
            String last = env.nodes().get(2).name();

            try (Disruption scale = chaos.scaleStatefulSet(2)) {
                assertThat(env.kubernetes().pods().inNamespace(env.namespace()).withName(last).get()).isNull();
                // 2 of 3 raft voters answer: the cluster keeps a leader
                scale.recovery().await(RecoveryProbe.activeNode());
            }
            RealClusters.settle(env);
        }
    }
}
