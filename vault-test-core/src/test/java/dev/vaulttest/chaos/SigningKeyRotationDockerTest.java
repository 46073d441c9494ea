package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.cluster.K3sCluster;
import dev.vaulttest.cluster.RequiresDocker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The k3s service account signing key rotated by the documented procedure, on a cluster of its own (the
 * procedure restarts k3s). Skipped without Docker.
 */
@RequiresDocker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SigningKeyRotationDockerTest {

    private K3sCluster cluster;

    @BeforeAll
    void startK3s() {
        cluster = RealClusters.startK3s();
    }

    @AfterAll
    void closeK3s() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void keepingTheOldKeyKeepsTokensSignedBeforeValidAndVaultAgrees() {
        try (VaultEnvironment env = RealClusters.deploy(VaultEnvironmentSpec.builder().build(), cluster)) {
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
