package dev.vaulttest.assertj;

import static dev.vaulttest.assertj.VaultAssertions.assertThatKubernetesLogin;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.chaos.Chaos;
import dev.vaulttest.chaos.ServiceAccountToken;
import dev.vaulttest.chaos.ServiceAccountToken.TokenSpec;
import dev.vaulttest.fixture.FakeEnvironment;
import dev.vaulttest.fixture.VaultDouble;
import dev.vaulttest.testkit.FakeVaultCluster;
import dev.vaulttest.vault.KubernetesAuthConfig;
import dev.vaulttest.vault.KubernetesRole;
import dev.vaulttest.vault.VaultNodeClient;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

/**
 * A login with a ServiceAccount: the token comes from the TokenRequest API (fabric8's mock, answering with a token
 * the Vault double's Kubernetes accepts) through the chaos module's token issuer.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ServiceAccountLoginTest {

    private static final String NL = System.lineSeparator();

    KubernetesClient client;
    KubernetesMockServer server;

    private ServiceAccountToken issue(VaultDouble vault, String serviceAccount) {
        String jwt = vault.cluster().kubernetes().issueServiceAccountToken("team-a", serviceAccount, "vault");
        server.expect().post().withPath("/api/v1/namespaces/team-a/serviceaccounts/" + serviceAccount + "/token")
                .andReturn(201, new TokenRequestBuilder().withNewMetadata().withName(serviceAccount).endMetadata()
                        .withNewStatus().withToken(jwt).withExpirationTimestamp("2026-08-01T11:00:00Z").endStatus()
                        .build())
                .once();
        Chaos chaos = Chaos.on(FakeEnvironment.builder().vault(vault).namespace("team-a").releaseName("vault")
                .kubernetes(client).build());
        return chaos.serviceAccounts().issueToken(TokenSpec.forAccount("team-a", serviceAccount).withAudiences("vault"));
    }

    @Test
    void a_service_account_bound_to_the_role_logs_in_and_a_renamed_one_is_denied_by_name() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(1))) {
            VaultNodeClient root = vault.leaderClient();
            root.enableKubernetesAuth("kubernetes");
            root.configureKubernetesAuth("kubernetes", KubernetesAuthConfig.builder("https://kubernetes.default.svc")
                    .build());
            root.writeKubernetesRole("kubernetes", KubernetesRole.builder("app").boundServiceAccountNames("app")
                    .boundServiceAccountNamespaces("team-a").policies("app-read").audience("vault").build());

            assertThatKubernetesLogin(vault.client("vault-0"), "app", issue(vault, "app"))
                    .succeededWithPolicies("app-read");
            ServiceAccountToken renamed = issue(vault, "app-v2");
            assertThatKubernetesLogin(vault.client("vault-0"), "app", renamed)
                    .isDeniedWith(403, "service account name not authorized");
            assertThatThrownBy(() -> assertThatKubernetesLogin(vault.client("vault-0"), "app", renamed).succeeded())
                    .hasMessageStartingWith("Expecting Kubernetes login of service account team-a/app-v2 as role 'app'"
                            + " on vault-0" + NL + "  to succeed" + NL
                            + "but Vault denied it: HTTP 403 [service account name not authorized]");
        }
    }
}
