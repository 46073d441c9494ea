package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.chaos.LoginChecks.LoginCheck.LoginExpectation;
import dev.vaulttest.chaos.ServiceAccountToken.TokenSpec;
import dev.vaulttest.cluster.RequiresDocker;
import dev.vaulttest.fixture.ClusterForClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The k3s service account signing key rotated by the documented procedure, on a cluster of its own (the
 * procedure restarts k3s). Stays on k3s also when {@code vaulttest.kubeconfig} is set; skipped without Docker.
 */
@RequiresDocker("needs a k3s container the library runs: the signing key is rotated with the k3s command line and"
        + " k3s restarted, which is refused on an existing cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SigningKeyRotationDockerTest {

    @RegisterExtension
    final ClusterForClass k3s = ClusterForClass.k3s();

    @Test
    void keepingTheOldKeyKeepsTokensSignedBeforeValidAndVaultAgrees() {
        try (VaultEnvironment env = RealClusters.deploy(VaultEnvironmentSpec.builder().build(), k3s.cluster())) {
            RealClusters.kubernetesAuth(env);
            Chaos chaos = RealClusters.chaos(env);

            SigningKeyRotation rotation = chaos.serviceAccounts().rotateSigningKey(
                    TokenSpec.forAccount(env.namespace(), "app"), true);
            // k3s restarted, so did every Vault pod: Shamir nodes need their keys again
            RealClusters.settle(env);

            assertThat(rotation.keyIds().get(0)).isNotEqualTo(rotation.keyIds().get(1));
            LoginChecks logins = rotation.checkLogins("app").requireAllAsExpected();
            assertThat(logins.checks()).allSatisfy(c -> assertThat(c.expected()).isEqualTo(LoginExpectation.ACCEPTED));
        }
    }
}
