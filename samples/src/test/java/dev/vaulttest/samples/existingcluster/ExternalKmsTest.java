package dev.vaulttest.samples.existingcluster;

import static dev.vaulttest.assertj.VaultAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.DeploymentMode;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.chaos.Chaos;
import dev.vaulttest.chaos.Grace;
import dev.vaulttest.chaos.PodDeletion;
import dev.vaulttest.chaos.PodTarget;
import dev.vaulttest.chaos.RecoveryProbe;
import dev.vaulttest.junit5.AutoUnseal;
import dev.vaulttest.junit5.Disruptive;
import dev.vaulttest.junit5.ExistingCluster;
import dev.vaulttest.junit5.VaultDeployment;
import dev.vaulttest.junit5.VaultTest;
import dev.vaulttest.kms.KmsEmulator;
import dev.vaulttest.kms.KmsProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * awskms auto-unseal on a cluster you already have. The library cannot run a KMS emulator in Docker for a cluster
 * elsewhere, so one runs where the pods reach it (for example local-kms on a node) and the tests are told its URL:
 * the library creates the key alias the values name through the emulator's API and points Vault at it, and leaves
 * it running afterwards.
 *
 * <p>Runs only with both an existing cluster and an external emulator, for example
 * {@code -Dvaulttest.kubeconfig=$HOME/.kube/config -Dvaulttest.kms.endpoint=http://10.0.0.5:8080}. With
 * {@code vaulttest.kms.endpoint} set, the other {@code @AutoUnseal} samples use that emulator too.
 */
@EnabledIfSystemProperty(named = "vaulttest.kubeconfig", matches = ".+",
        disabledReason = "no existing cluster given: set -Dvaulttest.kubeconfig=<path to a kubeconfig>")
@EnabledIfSystemProperty(named = "vaulttest.kms.endpoint", matches = ".+",
        disabledReason = "no external KMS emulator given: set -Dvaulttest.kms.endpoint=<URL Vault pods reach it at>")
// tag::external-kms[]
@VaultTest
@ExistingCluster
@AutoUnseal(kms = KmsProvider.EXTERNAL) // runs already at vaulttest.kms.endpoint; never started or stopped by us
@VaultDeployment(values = "classpath:values/awskms-raft.yaml", mode = DeploymentMode.FROM_VALUES)
class ExternalKmsTest {

    @Test
    @Disruptive
    void aDeletedActivePodUnsealsItselfThroughTheExternalKms(VaultEnvironment vault, KmsEmulator kms, Chaos chaos) {
        assertThat(kms.provider()).isEqualTo(KmsProvider.EXTERNAL);

        try (PodDeletion deletion = chaos.deletePods(PodTarget.active(), Grace.IMMEDIATE)) {
            deletion.recovery().await(RecoveryProbe.unsealed(deletion.deletedPods().get(0).name()));
            // Unsealed is not yet led: the surviving voters elect a new leader after raft's election timeout.
            deletion.recovery().await(RecoveryProbe.readyGate());
        }

        assertThat(vault.snapshot())
                .isUnsealed()
                .usesAutoUnseal()
                .hasExactlyOneActiveNode()
                .hasRaftVoterCount(3);
    }
}
// end::external-kms[]
