package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.cluster.RequiresDocker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;

/**
 * The k3s service account signing key rotated by the documented procedure, on a cluster of its own (the
 * procedure restarts k3s). Skipped without Docker.
 */
@RequiresDocker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SigningKeyRotationDockerTest {

    @RegisterExtension
    final K3sForClass k3s = new K3sForClass();

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
