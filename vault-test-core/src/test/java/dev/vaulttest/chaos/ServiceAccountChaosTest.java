package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.chaos.LoginChecks.LoginCheck.LoginExpectation;
import dev.vaulttest.chaos.ServiceAccountToken.TokenSpec;
import dev.vaulttest.chaos.ServiceAccountToken.TokenSpec.TokenBinding;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class ServiceAccountChaosTest {

    KubernetesMockServer server;
    KubernetesClient client;
    private ChaosWorld world;
    private ServiceAccountChaos accounts;

    @BeforeEach
    void setUp() {
        world = ChaosWorld.shamir(server, client);
        world.kubernetesAuth();
        accounts = world.chaos.serviceAccounts();
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    private String saUid(String name) {
        return client.serviceAccounts().inNamespace(world.namespace()).withName(name).get().getMetadata().getUid();
    }

    @Test
    void rotatingASecretBoundTokenRevokesTheOldOneAndVaultAgreesWithKubernetes() {
        ServiceAccountToken old = accounts.issueToken(TokenSpec.forAccount(world.namespace(), "app")
                .withBinding(TokenBinding.secret()));
        assertThat(old.boundObjectName()).hasValueSatisfying(n -> assertThat(n).startsWith("vt-token-anchor-"));
        assertThat(old.toString()).doesNotContain(old.jwt().reveal()).contains("jwt=<redacted>");

        try (TokenRotation rotation = accounts.rotateToken(old)) {
            assertThat(rotation.oldTokenStillValid()).isFalse();
            assertThat(rotation.newToken().jwt()).isNotEqualTo(old.jwt());
            assertThat(rotation.verification().observed()).contains("old token: Kubernetes rejects it")
                    .contains("new token: Kubernetes accepts it");
            assertThat(client.secrets().inNamespace(world.namespace()).withName(old.boundObjectName().get())
                    .get()).isNull();

            LoginChecks logins = rotation.checkLogins("app").requireAllAsExpected();

            assertThat(logins.check("old token").expected()).isEqualTo(LoginExpectation.REJECTED_BY_KUBERNETES);
            assertThat(logins.check("old token").vaultSays()).contains("403").contains("permission denied");
            assertThat(logins.check("new token").expected()).isEqualTo(LoginExpectation.ACCEPTED);
            assertThat(logins.check("new token").vaultSays()).startsWith("login succeeded");
            assertThat(logins.describe()).doesNotContain(old.jwt().reveal())
                    .doesNotContain(rotation.newToken().jwt().reveal());
        }
    }

    @Test
    void anUnboundTokenStaysValidAfterRotation() {
        ServiceAccountToken old = accounts.issueToken("app");

        TokenRotation rotation = accounts.rotateToken(old);

        assertThat(rotation.oldTokenStillValid()).isTrue();
        assertThat(rotation.checkLogins("app").requireAllAsExpected().checks())
                .allSatisfy(check -> assertThat(check.expected()).isEqualTo(LoginExpectation.ACCEPTED));
    }

    @Test
    void aPodBoundTokenStaysValidWhileItsPodLives() {
        ServiceAccountToken old = accounts.issueToken(TokenSpec.forAccount(world.namespace(), "app")
                .withBinding(TokenBinding.pod(world.pod(0))));
        assertThat(old.boundObjectUid()).contains(client.pods().inNamespace(world.namespace()).withName(world.pod(0))
                .get().getMetadata().getUid());

        TokenRotation rotation = accounts.rotateToken(old);

        assertThat(rotation.oldTokenStillValid()).isTrue();
        assertThat(rotation.newToken().boundObjectUid()).isEqualTo(old.boundObjectUid());
    }

    @Test
    void aRotationKubernetesDoesNotHonourIsReportedAsNotEffective() {
        world.tokens.ignoreBindings = true;
        ServiceAccountToken old = accounts.issueToken(TokenSpec.forAccount(world.namespace(), "app")
                .withBinding(TokenBinding.secret()));
        Chaos impatient = world.chaos(ChaosWorld.fastOptions().faultTimeout(Duration.ofMillis(500)));

        assertThatThrownBy(() -> impatient.serviceAccounts().rotateToken(old))
                .isInstanceOf(FaultNotEffectiveException.class)
                .hasMessageContaining("expected old token rejected and new token accepted by TokenReview")
                .hasMessageContaining("old token: Kubernetes accepts it");
    }

    @Test
    void whenVaultDisagreesWithKubernetesTheChecksSaySo() {
        ServiceAccountToken old = accounts.issueToken("app");
        TokenRotation rotation = accounts.rotateToken(old);
        world.vault.kubernetes().setTokenReviewFails(true);

        LoginChecks logins = rotation.checkLogins("app");

        assertThat(logins.allAsExpected()).isFalse();
        assertThatThrownBy(logins::requireAllAsExpected).isInstanceOf(VaultTestException.class)
                .hasMessageContaining("MISMATCH").hasMessageContaining("Kubernetes accepts it");
    }

    @Test
    void recreatingAServiceAccountGivesItANewUidAndKillsItsOldTokens() {
        String oldUid = saUid("app");
        ServiceAccountToken before = accounts.issueToken("app");

        ServiceAccountRecreation recreation = accounts.recreate("app", before);

        assertThat(recreation.oldUid()).isEqualTo(oldUid);
        assertThat(recreation.newUid()).isEqualTo(saUid("app")).isNotEqualTo(oldUid);
        assertThat(recreation.usedByVault()).isFalse();
        assertThat(client.serviceAccounts().inNamespace(world.namespace()).withName("app").get().getMetadata()
                .getLabels()).containsEntry("team", "platform");
        world.tokens.sync();
        ServiceAccountToken after = accounts.issueToken("app");

        LoginChecks logins = recreation.checkLogins("app", before, after).requireAllAsExpected();

        assertThat(logins.check("token 1").expected()).isEqualTo(LoginExpectation.REJECTED_BY_KUBERNETES);
        assertThat(logins.check("token 2").expected()).isEqualTo(LoginExpectation.ACCEPTED);
    }

    @Test
    void recreatingVaultsOwnServiceAccountIsFlagged() {
        ServiceAccountRecreation recreation = accounts.recreate("vault");

        assertThat(recreation.usedByVault()).isTrue();
        assertThat(recreation.kind()).isEqualTo("recreate-sa");
        assertThat(recreation.target()).isEqualTo("serviceaccount/" + world.namespace() + "/vault");
    }

    @Test
    void recreatingAMissingServiceAccountIsRefused() {
        assertThatThrownBy(() -> accounts.recreate("nobody")).isInstanceOf(ChaosPreconditionException.class)
                .hasMessageContaining(world.namespace() + "/nobody does not exist");
    }

    @Test
    void renamingTheAccountAWorkloadUsesBreaksTheRoleThatNamesTheOldOneUntilClosed() {
        client.apps().deployments().inNamespace(world.namespace()).resource(new DeploymentBuilder()
                .withNewMetadata().withName("client").withNamespace(world.namespace()).endMetadata()
                .withNewSpec().withNewSelector().addToMatchLabels("app", "client").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "client").endMetadata()
                .withNewSpec().withServiceAccountName("app").addNewContainer().withName("c").withImage("busybox")
                .endContainer().endSpec().endTemplate().endSpec().build()).create();

        try (ServiceAccountRename rename = accounts.rename("app", "app-v2")) {
            assertThat(rename.switchedWorkloads()).containsExactly("deployment/client");
            assertThat(client.apps().deployments().inNamespace(world.namespace()).withName("client").get()
                    .getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("app-v2");
            assertThat(client.serviceAccounts().inNamespace(world.namespace()).withName("app").get()).isNull();
            world.tokens.sync();
            ServiceAccountToken renamed = rename.issueToken();

            LoginChecks logins = rename.checkLogins("app", renamed).requireAllAsExpected();

            assertThat(logins.check("token 1").expected()).isEqualTo(LoginExpectation.REJECTED_BY_ROLE);
            assertThat(logins.check("token 1").kubernetesSays()).contains("Kubernetes accepts it");
            assertThat(logins.check("token 1").vaultSays()).contains("service account name not authorized");
        }
        assertThat(client.apps().deployments().inNamespace(world.namespace()).withName("client").get().getSpec()
                .getTemplate().getSpec().getServiceAccountName()).isEqualTo("app");
        assertThat(client.serviceAccounts().inNamespace(world.namespace()).withName("app").get()).isNotNull();
        assertThat(client.serviceAccounts().inNamespace(world.namespace()).withName("app-v2").get()).isNull();
    }

    @Test
    void renamingTheAccountVaultRunsAsIsRefusedWithTheReasonAndChangesNothing() {
        String vault = MockExtras.VAULT_ACCOUNT;
        assertThat(client.serviceAccounts().inNamespace(world.namespace()).withName(vault).get()).isNotNull();

        assertThatThrownBy(() -> accounts.rename(vault, "vault-renamed"))
                .isInstanceOf(ChaosPreconditionException.class)
                .hasMessageContaining("the one the Vault pods of " + world.env.releaseName() + " run as")
                .hasMessageContaining("403 permission denied")
                .hasMessageContaining("restart");
        assertThat(client.serviceAccounts().inNamespace(world.namespace()).withName(vault).get()).isNotNull();
        assertThat(client.serviceAccounts().inNamespace(world.namespace()).withName("vault-renamed").get()).isNull();
    }

    @Test
    void renamingOntoAnExistingAccountIsRefused() {
        assertThatThrownBy(() -> accounts.rename("app", "default")).isInstanceOf(ChaosPreconditionException.class)
                .hasMessageContaining("already exists");
        assertThat(client.serviceAccounts().inNamespace(world.namespace()).withName("app").get()).isNotNull();
    }
}
