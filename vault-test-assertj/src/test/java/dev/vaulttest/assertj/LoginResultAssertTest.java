package dev.vaulttest.assertj;

import static dev.vaulttest.assertj.VaultAssertions.assertThat;
import static dev.vaulttest.assertj.VaultAssertions.assertThatKubernetesLogin;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.fixture.VaultDouble;
import dev.vaulttest.testkit.FakeVaultCluster;
import dev.vaulttest.vault.KubernetesAuthConfig;
import dev.vaulttest.vault.KubernetesRole;
import dev.vaulttest.vault.LoginResult;
import dev.vaulttest.vault.Sensitive;
import dev.vaulttest.vault.VaultNodeClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginResultAssertTest {

    private static final String NL = System.lineSeparator();

    private VaultDouble vault;
    private VaultNodeClient anonymous;

    @BeforeEach
    void configureKubernetesAuth() {
        vault = VaultDouble.running(FakeVaultCluster.builder().nodes(2));
        VaultNodeClient root = vault.leaderClient();
        root.enableKubernetesAuth("kubernetes");
        root.configureKubernetesAuth("kubernetes", KubernetesAuthConfig.builder("https://kubernetes.default.svc").build());
        root.writeKubernetesRole("kubernetes", KubernetesRole.builder("app").boundServiceAccountNames("app")
                .boundServiceAccountNamespaces("team-a").policies("app-read").ttl(Duration.ofHours(1))
                .audience("vault").build());
        anonymous = vault.client("vault-1");
    }

    @AfterEach
    void stop() {
        vault.close();
    }

    private Sensitive token(String namespace, String serviceAccount) {
        return Sensitive.of(vault.cluster().kubernetes().issueServiceAccountToken(namespace, serviceAccount, "vault"));
    }

    @Test
    void a_bound_service_account_succeeds_with_the_roles_policies() {
        assertThatKubernetesLogin(anonymous, "app", token("team-a", "app"))
                .succeeded().succeededWithPolicies("app-read").succeededWithPolicies("default", "app-read");
        assertThat(anonymous.loginKubernetes("app", token("team-a", "app"))).succeeded();
    }

    @Test
    void a_renamed_service_account_is_denied_and_the_message_explains_the_binding() {
        LoginResult renamed = anonymous.loginKubernetes("app", token("team-a", "app-v2"));

        assertThat(renamed).isDenied().isDeniedWith(403, "service account name not authorized");
        assertThatThrownBy(() -> assertThatKubernetesLogin(anonymous, "app", token("team-a", "app-v2")).succeeded())
                .hasMessage("Expecting Kubernetes login as role 'app' on vault-1" + NL
                        + "  to succeed" + NL
                        + "but Vault denied it: HTTP 403 [service account name not authorized]" + NL
                        + "Hint: the role's bound_service_account_names does not list this ServiceAccount; a renamed"
                        + " ServiceAccount needs the role updated");
    }

    @Test
    void a_failing_token_review_is_denied_with_permission_denied_and_its_causes() {
        vault.cluster().kubernetes().setTokenReviewFails(true);
        LoginResult denied = anonymous.loginKubernetes("app", token("team-a", "app"));

        assertThat(denied).isDeniedWith(403, "permission denied");
        assertThatThrownBy(() -> assertThat(denied).isDeniedWith(403, "service account name not authorized"))
                .hasMessageStartingWith("Expecting the login" + NL
                        + "  to be denied with HTTP 403 and an error containing 'service account name not authorized'"
                        + NL + "but it was denied with HTTP 403 [permission denied]" + NL
                        + "Hint: TokenReview refused the token or could not run:");
        assertThatThrownBy(() -> assertThat(denied).succeededWithPolicies("app-read"))
                .hasMessageContaining("  to succeed with policies [app-read]" + NL
                        + "but Vault denied it: HTTP 403 [permission denied]");
    }

    @Test
    void other_namespaces_and_unknown_roles_get_their_own_hints() {
        assertThatThrownBy(() -> assertThatKubernetesLogin(anonymous, "app", token("team-b", "app")).succeeded())
                .hasMessageContaining("but Vault denied it: HTTP 403 [namespace not authorized]" + NL
                        + "Hint: the role's bound_service_account_namespaces does not list the ServiceAccount's namespace");
        assertThatThrownBy(() -> assertThatKubernetesLogin(anonymous, "nope", token("team-a", "app")).succeeded())
                .hasMessageContaining("but Vault denied it: HTTP 400 [invalid role name \"nope\"]" + NL
                        + "Hint: no role of that name exists at this auth mount");
    }

    @Test
    void a_successful_login_fails_is_denied_without_showing_the_token() {
        LoginResult success = anonymous.loginKubernetes("app", token("team-a", "app"));
        String clientToken = ((LoginResult.Success) success).clientToken().reveal();

        assertThatThrownBy(() -> assertThat(success).isDenied())
                .hasMessageStartingWith("Expecting the login" + NL + "  to be denied" + NL
                        + "but it succeeded: policies [default, app-read], ttl PT1H, metadata {role=app,"
                        + " service_account_name=app, service_account_namespace=team-a,")
                .hasMessageEndingWith("(token not shown)")
                .message().doesNotContain(clientToken);
        assertThatThrownBy(() -> assertThat(success).isDeniedWith(403, "permission denied"))
                .hasMessageContaining("  to be denied with HTTP 403 and an error containing 'permission denied'");
        assertThatThrownBy(() -> assertThat(success).succeededWithPolicies("app-read", "admin"))
                .hasMessageContaining("  to succeed with policies [app-read, admin]" + NL
                        + "but the token lacks [admin]; its policies were [default, app-read] (token policies"
                        + " [default, app-read])" + NL
                        + "Hint: the role's token_policies decide the policies; check the role the login used (app)");
    }

    @Test
    void rejects_bad_arguments() {
        LoginResult success = anonymous.loginKubernetes("app", token("team-a", "app"));

        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(success).isDeniedWith(200, "x"))
                .withMessage("A refusal has an HTTP status from 400 to 599, not 200");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(success).isDeniedWith(403, " "))
                .withMessage("The error text must not be blank but was ' '");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(success).succeededWithPolicies())
                .withMessage("Give at least one policy; use succeeded() to accept any");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(success).succeededWithPolicies("a", "a"))
                .withMessage("The policies contain 'a' twice");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThatKubernetesLogin(anonymous, "app", (Sensitive) null))
                .withMessage("The JWT must not be null");
        assertThatThrownBy(() -> assertThat((LoginResult) null).succeeded())
                .hasMessageContaining("Expecting actual not to be null");
    }
}
