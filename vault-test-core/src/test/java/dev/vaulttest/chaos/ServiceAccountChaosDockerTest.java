package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.chaos.LoginChecks.LoginCheck.LoginExpectation;
import dev.vaulttest.chaos.ServiceAccountToken.TokenSpec;
import dev.vaulttest.chaos.ServiceAccountToken.TokenSpec.TokenBinding;
import dev.vaulttest.cluster.RequiresRealCluster;
import dev.vaulttest.fixture.ClusterForClass;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real service accounts and tokens on a real cluster (the existing one of {@code vaulttest.kubeconfig}, else k3s)
 * against Vault's Kubernetes auth: each login must end as Kubernetes' own TokenReview says it should. Skipped
 * without either cluster.
 */
@RequiresRealCluster
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceAccountChaosDockerTest {

    @RegisterExtension
    final ClusterForClass k8s = ClusterForClass.fromSettings();

    private VaultEnvironment env;
    private Chaos chaos;

    @BeforeAll
    void startVault() {
        env = RealClusters.deploy(VaultEnvironmentSpec.builder().build(), k8s.cluster());
        RealClusters.kubernetesAuth(env);
        chaos = RealClusters.chaos(env);
    }

    @AfterAll
    void close() {
        if (env != null) {
            env.close();
        }
    }

    @Test
    void rotatingASecretBoundTokenRevokesTheOldOneAndVaultFollowsKubernetes() {
        ServiceAccountToken token = chaos.serviceAccounts().issueToken(TokenSpec.forAccount(env.namespace(), "app")
                .withBinding(TokenBinding.secret()));

        try (TokenRotation rotation = chaos.serviceAccounts().rotateToken(token)) {
            LoginChecks logins = rotation.checkLogins("app").requireAllAsExpected();

            assertThat(logins.check("old token").expected()).isEqualTo(LoginExpectation.REJECTED_BY_KUBERNETES);
            assertThat(logins.check("new token").expected()).isEqualTo(LoginExpectation.ACCEPTED);
        }
    }

    @Test
    void anUnboundTokenStaysValidAfterRotation() {
        ServiceAccountToken token = chaos.serviceAccounts().issueToken("app");

        TokenRotation rotation = chaos.serviceAccounts().rotateToken(token);

        assertThat(rotation.checkLogins("app").requireAllAsExpected().checks())
                .allSatisfy(c -> assertThat(c.expected()).isEqualTo(LoginExpectation.ACCEPTED));
    }

    @Test
    void renamingTheServiceAccountBreaksTheRoleThatStillNamesTheOldOne() {
        try (ServiceAccountRename rename = chaos.serviceAccounts().rename("app", "app-renamed")) {
            ServiceAccountToken renamed = rename.issueToken();

            LoginChecks logins = rename.checkLogins("app", renamed).requireAllAsExpected();

            assertThat(logins.check("token 1").expected()).isEqualTo(LoginExpectation.REJECTED_BY_ROLE);
            assertThat(logins.check("token 1").vaultSays()).contains("service account name not authorized");
        }
        ServiceAccountToken restored = chaos.serviceAccounts().issueToken("app");
        assertThat(env.active().anonymousClient().loginKubernetes("app", restored.jwt()).isSuccess()).isTrue();
    }

    @Test
    void recreatingTheClientsServiceAccountKillsItsOldTokens() {
        ServiceAccountToken before = chaos.serviceAccounts().issueToken("app");

        ServiceAccountRecreation recreation = chaos.serviceAccounts().recreate("app", before);
        ServiceAccountToken after = chaos.serviceAccounts().issueToken("app");

        LoginChecks logins = recreation.checkLogins("app", before, after).requireAllAsExpected();
        assertThat(logins.check("token 1").expected()).isEqualTo(LoginExpectation.REJECTED_BY_KUBERNETES);
        assertThat(logins.check("token 2").expected()).isEqualTo(LoginExpectation.ACCEPTED);
    }
}
