package dev.vaulttest.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.testkit.FakeVaultCluster;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-operation read timeouts: a slow Kubernetes login gets its own, longer timeout. */
class VaultTimeoutsTest {

    private FakeVaultCluster cluster;
    private String jwt;

    @BeforeEach
    void start() {
        cluster = FakeVaultCluster.builder().start();
        Sensitive root = Sensitive.of(cluster.bootstrap(1, 1).rootToken());
        VaultNodeClient admin = FakeNodes.client(cluster, 0).withToken(root);
        admin.enableKubernetesAuth("kubernetes");
        admin.configureKubernetesAuth("kubernetes", KubernetesAuthConfig.builder("https://kubernetes.default.svc")
                .build());
        admin.writeKubernetesRole("kubernetes", KubernetesRole.builder("app").boundServiceAccountNames("app")
                .boundServiceAccountNamespaces("team-a").build());
        jwt = cluster.kubernetes().issueServiceAccountToken("team-a", "app");
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private VaultNodeClient clientWith(VaultTimeouts timeouts) {
        return VaultNodeClient.create(VaultEndpoint.of("vault-0", cluster.node(0).uri()).withTimeouts(timeouts));
    }

    @Test
    void defaultLoginTimeoutOutlastsTheThirtySecondTokenReviewDial() {
        assertThat(VaultTimeouts.defaults().readTimeout(VaultOperation.KUBERNETES_LOGIN))
                .isGreaterThan(Duration.ofSeconds(30));
        assertThat(VaultTimeouts.defaults().readTimeout(VaultOperation.SEAL_STATUS)).isEqualTo(Duration.ofSeconds(30));
        assertThat(VaultTimeouts.defaults().readTimeout(VaultOperation.SNAPSHOT_SAVE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void slowLoginWithinItsOwnTimeoutSucceedsEvenWhenOrdinaryRequestsWouldTimeOut() {
        cluster.kubernetes().setTokenReviewLatency(Duration.ofMillis(1200));
        VaultTimeouts timeouts = VaultTimeouts.defaults().withRequest(Duration.ofMillis(500))
                .withKubernetesLogin(Duration.ofSeconds(5));

        assertThat(clientWith(timeouts).loginKubernetes("app", Sensitive.of(jwt)).isSuccess()).isTrue();
    }

    @Test
    void loginSlowerThanItsTimeoutFailsNamingTheTimeout() {
        cluster.kubernetes().setTokenReviewLatency(Duration.ofMillis(1500));
        VaultTimeouts timeouts = VaultTimeouts.defaults().withKubernetesLogin(Duration.ofMillis(300));

        assertThatThrownBy(() -> clientWith(timeouts).loginKubernetes("app", Sensitive.of(jwt)))
                .isInstanceOfSatisfying(VaultApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(VaultApiException.NO_HTTP_STATUS);
                    assertThat(e.operation()).isEqualTo(VaultOperation.KUBERNETES_LOGIN);
                })
                .hasMessageContaining("did not answer within PT0.3S")
                .hasMessageContaining("withOperation(KUBERNETES_LOGIN");
    }

    @Test
    void operationOverrideWinsOverItsKind() {
        VaultTimeouts timeouts = VaultTimeouts.defaults().withOperation(VaultOperation.HEALTH, Duration.ofSeconds(2));

        assertThat(timeouts.readTimeout(VaultOperation.HEALTH)).isEqualTo(Duration.ofSeconds(2));
        assertThat(timeouts.readTimeout(VaultOperation.LEADER)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void nonPositiveTimeoutsAreRejected() {
        assertThatThrownBy(() -> VaultTimeouts.defaults().withRequest(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'request' must be positive");
    }
}
