package dev.vaulttest.samples.storage;

import static dev.vaulttest.assertj.VaultAssertions.assertThat;
import static dev.vaulttest.assertj.VaultAssertions.assertThatKubernetesStateOf;
import static dev.vaulttest.assertj.VaultAssertions.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.DeploymentMode;
import dev.vaulttest.NodeRole;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultNode;
import dev.vaulttest.assertj.SecretCanary;
import dev.vaulttest.chaos.Chaos;
import dev.vaulttest.chaos.Grace;
import dev.vaulttest.chaos.PodDeletion;
import dev.vaulttest.chaos.PodTarget;
import dev.vaulttest.chaos.PvcDeletion;
import dev.vaulttest.chaos.RecoveryProbe;
import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.chart.StorageReclaimPolicy;
import dev.vaulttest.check.CheckReport;
import dev.vaulttest.check.Finding;
import dev.vaulttest.check.OfflineCheck;
import dev.vaulttest.check.Finding.Severity;
import dev.vaulttest.junit5.AutoUnseal;
import dev.vaulttest.junit5.Disruptive;
import dev.vaulttest.junit5.Standby;
import dev.vaulttest.junit5.VaultDeployment;
import dev.vaulttest.junit5.VaultTest;
import dev.vaulttest.samples.support.KvMount;
import dev.vaulttest.samples.support.RequiresOfficialChart;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Production mistake 3: storage that does not survive. Raft keeps Vault's data on each pod's volume: a deleted pod
 * comes back with its claim and its data, and a node whose claim is deleted rejoins and copies the data from the
 * other voters. What must not happen is that the volumes go with their pods (emptyDir) or with their claims (a
 * StorageClass with {@code reclaimPolicy: Delete}); the checklist flags both, statically from the chart and the
 * cluster's StorageClasses, and live from what runs.
 */
class StorageTest {

    /** The static check, on the official chart: no cluster, no Docker. */
    @Nested
    @RequiresOfficialChart
    class StaticCheck {

        @Test
        void flagsDataVolumesWhoseStorageClassDeletesTheData() {
            CheckReport report = OfflineCheck.builder()
                    .chart(ChartSource.official("0.34.1"))
                    .valuesFile(Path.of("src/test/resources/values/awskms-raft.yaml"))
                    .storageClassManifest(Path.of("src/test/resources/values/storage-classes-reclaim-delete.yaml"))
                    .build()
                    .run();

            assertThat(report)
                    .hasFinding("RECLAIM_POLICY_DELETE", "StatefulSet/vault")
                    .findingsOf("RECLAIM_POLICY_DELETE")
                    .extracting(Finding::severity)
                    .containsOnly(Severity.WARNING);
        }

        @Test
        void flagsDataOnAnEmptyDirAsAnError() {
            CheckReport report = OfflineCheck.builder()
                    .chart(ChartSource.official("0.34.1"))
                    .valuesFile(Path.of("src/test/resources/values/emptydir.yaml"))
                    .build()
                    .run();

            assertThat(report)
                    .hasFinding("EPHEMERAL_STORAGE", "StatefulSet/vault")
                    .findingsOf("EPHEMERAL_STORAGE")
                    .extracting(Finding::severity)
                    .containsOnly(Severity.ERROR);
        }

        @Test
        void passesPerPodVolumesOfARetainingStorageClass() {
            CheckReport report = OfflineCheck.builder()
                    .chart(ChartSource.official("0.34.1"))
                    .valuesFile(Path.of("src/test/resources/values/production.yaml"))
                    .storageClassManifest(Path.of("src/test/resources/values/storage-classes-retain.yaml"))
                    .build()
                    .run();

            assertThat(report)
                    .doesNotHaveFinding("RECLAIM_POLICY_DELETE")
                    .doesNotHaveFinding("EPHEMERAL_STORAGE")
                    .doesNotHaveFinding("SHARED_DATA_VOLUME");
        }
    }

    /**
     * Raft on per-pod volumes of the cluster's default StorageClass: the data survives pods and claims, but on k3s
     * the default class (local-path) deletes a volume with its claim.
     */
    @Nested
    @VaultTest
    @AutoUnseal
    @VaultDeployment(values = "classpath:values/awskms-raft.yaml", mode = DeploymentMode.FROM_VALUES)
    class PerPodVolumes {

        @Test
        @Disruptive
        void keepsEverySecretWhenEveryPodIsDeleted(VaultEnvironment vault, Chaos chaos) {
            KvMount.ensure(vault.client(), "secret");
            SecretCanary secrets = SecretCanary.write(vault.client(), "secret", 20);

            try (PodDeletion restart = chaos.deletePods(PodTarget.all(), Grace.GRACEFUL)) {
                restart.recovery().await(RecoveryProbe.readyGate());
            }

            assertThat(secrets).survivedOn(vault);
            assertThat(vault.snapshot()).isInitialized().isUnsealed().hasRaftVoterCount(3);
        }

        @Test
        @Disruptive
        void aNodeWhoseClaimIsDeletedRejoinsAndCopiesTheDataFromTheOtherVoters(VaultEnvironment vault,
                @Standby VaultNode standby, Chaos chaos) {
            KvMount.ensure(vault.client(), "secret");
            SecretCanary secrets = SecretCanary.write(vault.client(), "secret", 20);

            try (PvcDeletion lost = chaos.deletePvc(standby.name())) {
                // retry_join makes the empty node rejoin; auto-unseal unseals it; raft sends it the data.
                // tag::eventual-assertion[]
                eventually(vault.spec().timeouts().ready())
                        .named(standby.name() + " back in the raft cluster with the data")
                        .untilAsserted(vault, snapshot -> assertThat(snapshot)
                                .isUnsealed()
                                .hasExactlyOneActiveNode()
                                .hasRaftVoterCount(3)
                                .hasHealthyAutopilot());
                // end::eventual-assertion[]
                assertThat(lost.claimName()).as("the deleted claim").startsWith("data-");
            }

            assertThat(secrets).survivedOn(vault);
        }

        @Test
        void theLiveChecklistFlagsTheDefaultStorageClassThatDeletesData(VaultEnvironment vault) {
            assertThatKubernetesStateOf(vault)
                    .eachPodHasItsOwnPersistentVolumeClaim()
                    .hasStorageReclaimPolicy(StorageReclaimPolicy.DELETE)
                    .checklist()
                    .hasFinding("RECLAIM_POLICY_DELETE");
        }
    }

    /** The data directory on an emptyDir: it lives and dies with its pod. */
    @Nested
    @VaultTest
    @AutoUnseal
    @VaultDeployment(values = "classpath:values/emptydir.yaml", mode = DeploymentMode.FROM_VALUES)
    class EmptyDir {

        @Test
        void theLiveChecklistFlagsIt(VaultEnvironment vault) {
            assertThatKubernetesStateOf(vault).checklist().hasFinding("EPHEMERAL_STORAGE");
        }

        @Test
        @Disruptive
        void whenEveryPodRestartsVaultComesBackEmptyAndUninitialised(VaultEnvironment vault, Chaos chaos) {
            KvMount.ensure(vault.client(), "secret");
            SecretCanary.write(vault.client(), "secret", 5);

            try (PodDeletion restart = chaos.deletePods(PodTarget.all(), Grace.GRACEFUL)) {
                restart.recovery().await(RecoveryProbe.of("every node answers, uninitialised",
                        snapshot -> snapshot.nodes().size() == snapshot.expectedReplicas()
                                && snapshot.nodes().stream().allMatch(n -> n.role() == NodeRole.UNINITIALIZED)));
            }

            assertThat(vault.snapshot().nodes())
                    .as("auto-unseal has nothing to unseal: the barrier and every secret were on the emptyDirs")
                    .extracting(NodeSnapshot::role)
                    .containsOnly(NodeRole.UNINITIALIZED);
        }
    }
}
