package dev.vaulttest.samples.autounseal;

import static dev.vaulttest.assertj.VaultAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.DeploymentMode;
import dev.vaulttest.NodeRole;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultNode;
import dev.vaulttest.chaos.Chaos;
import dev.vaulttest.chaos.Disruption;
import dev.vaulttest.chaos.Grace;
import dev.vaulttest.chaos.PodDeletion;
import dev.vaulttest.chaos.PodTarget;
import dev.vaulttest.chaos.RecoveryProbe;
import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.check.Finding;
import dev.vaulttest.check.OfflineCheck;
import dev.vaulttest.check.Finding.Severity;
import dev.vaulttest.junit5.Active;
import dev.vaulttest.junit5.AutoUnseal;
import dev.vaulttest.junit5.Disruptive;
import dev.vaulttest.junit5.Shamir;
import dev.vaulttest.junit5.Standby;
import dev.vaulttest.junit5.VaultDeployment;
import dev.vaulttest.junit5.VaultTest;
import dev.vaulttest.kms.KmsEmulator;
import dev.vaulttest.samples.support.RequiresOfficialChart;
import dev.vaulttest.timing.RecoveryMeasurement;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Production mistake 2: no auto-unseal. With Shamir every pod that restarts comes back sealed and waits for people
 * with unseal keys; with {@code awskms} it unseals itself through KMS, as long as KMS answers. The KMS is then a
 * dependency of every restart: while it is unreachable a restarted pod stays sealed, and it recovers by itself
 * when KMS is back.
 */
class AutoUnsealTest {

    /** How long the samples watch a sealed pod to show that nothing unseals it by itself. */
    static final Duration STAYS_SEALED_FOR = Duration.ofSeconds(60);

    /**
     * The longest crash-loop back-off of the kubelet: a pod whose Vault exits because KMS does not answer is
     * restarted after at most this long, so recovery after KMS is back may take that much longer.
     */
    static final Duration KUBELET_MAX_BACKOFF = Duration.ofMinutes(5);

    /** The static check, on the official chart: no cluster, no Docker. */
    @Nested
    @RequiresOfficialChart
    class StaticCheck {

        @Test
        void flagsValuesWithoutAutoUnsealAsAnError() {
            assertThat(OfflineCheck.builder()
                    .chart(ChartSource.official("0.34.1"))
                    .valuesFile(Path.of("src/test/resources/values/shamir-raft.yaml"))
                    .build()
                    .run())
                    .hasFinding("NO_AUTO_UNSEAL")
                    .findingsOf("NO_AUTO_UNSEAL")
                    .extracting(Finding::severity)
                    .containsOnly(Severity.ERROR);
        }

        @Test
        void passesValuesWithAnAwsKmsSeal() {
            assertThat(OfflineCheck.builder()
                    .chart(ChartSource.official("0.34.1"))
                    .valuesFile(Path.of("src/test/resources/values/awskms-raft.yaml"))
                    .build()
                    .run())
                    .doesNotHaveFinding("NO_AUTO_UNSEAL");
        }
    }

    /** The mistake: Shamir keys. */
    @Nested
    @VaultTest
    @Shamir
    @VaultDeployment(values = "classpath:values/shamir-raft.yaml", mode = DeploymentMode.FROM_VALUES)
    class WithShamir {

        @Test
        @Disruptive
        void aDeletedPodComesBackSealedAndStaysSealedUntilSomeoneUnsealsIt(VaultEnvironment vault,
                @Standby VaultNode standby, Chaos chaos) {
            try (PodDeletion deletion = chaos.deletePod(standby.name())) {
                deletion.recovery().await(RecoveryProbe.inRole(standby.name(), NodeRole.SEALED));
                RecoveryMeasurement stillSealed =
                        deletion.recovery().staysBrokenFor(RecoveryProbe.unsealed(standby.name()), STAYS_SEALED_FOR);

                assertThat(stillSealed).stayedBrokenForAtLeast(STAYS_SEALED_FOR);
                assertThat(vault.snapshot()).isSealedOn(standby.name()).hasExactlyOneActiveNode();

                // The runbook: someone enters a threshold of unseal keys into every restarted pod.
                vault.unsealAll(vault.spec().timeouts().ready());
                assertThat(vault.snapshot()).isUnsealed();
            }
        }
    }

    /** The fix: awskms auto-unseal, here against LocalStack's KMS. */
    @Nested
    @VaultTest
    @AutoUnseal
    @VaultDeployment(values = "classpath:values/awskms-raft.yaml", mode = DeploymentMode.FROM_VALUES)
    class WithAwsKms {

        @Test
        @Disruptive
        void aDeletedActivePodComesBackUnsealedByItself(VaultEnvironment vault, Chaos chaos) {
            // tag::chaos-pod-deletion[]
            try (PodDeletion deletion = chaos.deletePods(PodTarget.active(), Grace.IMMEDIATE)) {
                String formerLeader = deletion.deletedPods().get(0).name();

                RecoveryMeasurement failover = deletion.recovery().await(deletion.newLeader());
                deletion.recovery().await(RecoveryProbe.unsealed(formerLeader));

                assertThat(failover).recoveredWithin(Duration.ofSeconds(60));
                assertThat(deletion).recoveredWithin(Duration.ofMinutes(2));
                assertThat(vault.snapshot())
                        .isUnsealed()
                        .usesAutoUnseal()
                        .hasExactlyOneActiveNode()
                        .hasRaftVoterCount(3);
            }
            // end::chaos-pod-deletion[]
        }

        @Test
        @Disruptive
        void aPodRestartedWhileKmsIsUnreachableStaysSealedAndRecoversWhenKmsIsBack(VaultEnvironment vault,
                @Active VaultNode active, @Standby VaultNode standby, KmsEmulator kms, Chaos chaos) {
            // An emulator the library runs is paused; one that runs outside it (vaulttest.kms.endpoint) cannot be,
            // so it refuses the seal key instead. (A NetworkPolicy would not do: kube-router lets a restarted pod
            // through for about its first second, long enough for Vault to unseal.)
            try (Disruption kmsOutage = kms.supportsReachabilityControl() ? chaos.kmsOutage()
                    : chaos.disableKmsKey();
                    PodDeletion restart = chaos.deletePod(standby.name())) {
                restart.recovery().staysBrokenFor(RecoveryProbe.unsealed(standby.name()), STAYS_SEALED_FOR);
                assertThat(vault.snapshot())
                        .as("the nodes that kept running hold their keys in memory and keep serving")
                        .isUnsealedOn(active.name())
                        .hasActiveNode(active.name());

                kmsOutage.close();

                restart.recovery().awaitWithin(RecoveryProbe.unsealed(standby.name()),
                        KUBELET_MAX_BACKOFF.plus(chaos.options().recoveryTimeout()));
                assertThat(vault.snapshot()).isUnsealed().usesAutoUnseal();
            }
        }
    }
}
