package dev.vaulttest.samples.existingcluster;

import static dev.vaulttest.assertj.VaultAssertions.assertThat;
import static dev.vaulttest.assertj.VaultAssertions.assertThatKubernetesStateOf;

import dev.vaulttest.DeploymentMode;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.junit5.ExistingCluster;
import dev.vaulttest.junit5.VaultDeployment;
import dev.vaulttest.junit5.VaultTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The same kind of test on a cluster you already have (kind, minikube, a staging cluster), reached through a
 * kubeconfig: the library creates its own namespace and Helm release there and deletes both afterwards; it changes
 * nothing else. No Docker is needed with Shamir (a KMS emulator would run in Docker).
 *
 * <p>Runs only when a kubeconfig is given, for example
 * {@code mvn -pl samples -am verify -Dtest=ExistingClusterTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dvaulttest.kubeconfig=$HOME/.kube/config}. With {@code vaulttest.kubeconfig} set, every other sample class
 * without a cluster annotation runs on that cluster too instead of k3s.
 */
@EnabledIfSystemProperty(named = "vaulttest.kubeconfig", matches = ".+",
        disabledReason = "no existing cluster given: set -Dvaulttest.kubeconfig=<path to a kubeconfig>")
// tag::existing-cluster[]
@VaultTest
@ExistingCluster // kubeconfig: vaulttest.kubeconfig, else $KUBECONFIG, else ~/.kube/config; its current context
@VaultDeployment(values = "classpath:values/shamir-raft.yaml", mode = DeploymentMode.FROM_VALUES)
class ExistingClusterTest {

    @Test
    void theTeamsValuesGiveAHealthyRaftClusterOnOurCluster(VaultEnvironment vault) {
        assertThat(vault.snapshot())
                .isUnsealed()
                .hasExactlyOneActiveNode()
                .hasRaftVoterCount(3)
                .isNotInDevMode();
        assertThatKubernetesStateOf(vault).eachPodHasItsOwnPersistentVolumeClaim();
    }
}
// end::existing-cluster[]
