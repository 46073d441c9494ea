package dev.vaulttest.samples.kubernetesauth;

import static dev.vaulttest.assertj.VaultAssertions.assertThat;
import static dev.vaulttest.assertj.VaultAssertions.assertThatKubernetesLogin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.DeploymentMode;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.chaos.BlockingPolicy;
import dev.vaulttest.chaos.Chaos;
import dev.vaulttest.chaos.Grace;
import dev.vaulttest.chaos.LoginChecks;
import dev.vaulttest.chaos.PodDeletion;
import dev.vaulttest.chaos.RecoveryProbe;
import dev.vaulttest.chaos.ServiceAccountChaos;
import dev.vaulttest.chaos.ServiceAccountRename;
import dev.vaulttest.chaos.ServiceAccountToken;
import dev.vaulttest.chaos.TokenRotation;
import dev.vaulttest.junit5.AutoUnseal;
import dev.vaulttest.junit5.Disruptive;
import dev.vaulttest.junit5.VaultDeployment;
import dev.vaulttest.junit5.VaultTest;
import dev.vaulttest.timing.RecoveryMeasurement;
import dev.vaulttest.vault.KubernetesAuthConfig;
import dev.vaulttest.vault.KubernetesRole;
import dev.vaulttest.vault.VaultApiException;
import dev.vaulttest.vault.VaultNodeClient;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mistake 4: Kubernetes auth that breaks quietly. Vault trusts a service account by name and asks the API
 * server (TokenReview) about every token; a renamed service account, or a NetworkPolicy that cuts Vault off from the
 * API server, turns every application login into a failure while Vault itself looks healthy. Token rotation, done
 * the Kubernetes way, does not.
 */
@VaultTest
@AutoUnseal
@VaultDeployment(values = "classpath:values/awskms-raft.yaml", mode = DeploymentMode.FROM_VALUES)
class KubernetesAuthTest {

    static final String SERVICE_ACCOUNT = "billing";
    static final String ROLE = "billing";
    static final String POLICY = "billing-read";
    /** The audience the role requires and the application's projected token carries. */
    static final String AUDIENCE = "vault";

    /** How long the samples watch logins fail to show that nothing heals the cut by itself. */
    static final Duration LOGINS_STAY_BROKEN_FOR = Duration.ofSeconds(60);

    /**
     * How long the pods restarted under the API-server block get to be ready again. Vault's Kubernetes service
     * registration (the chart's default in HA mode) labels the node that becomes active, and retries the
     * unreachable API server for about 151 s before it lets the node serve: on the lab the whole recovery took
     * 191 s (docs/verification.md), more than the default three minutes.
     */
    static final Duration READY_UNDER_API_SERVER_BLOCK = Duration.ofMinutes(5);

    /**
     * What the platform team sets up once per cluster: the kubernetes auth method, which reviews tokens with the
     * Vault pods' own service account, and a role for the billing application. Repeated before each test because a
     * {@code @Disruptive} test may leave a rebuilt deployment behind.
     */
    @BeforeEach
    void configureKubernetesAuth(VaultEnvironment vault) {
        vault.kubernetes().serviceAccounts().inNamespace(vault.namespace())
                .resource(new ServiceAccountBuilder().withNewMetadata().withName(SERVICE_ACCOUNT).endMetadata().build())
                .createOr(NonDeletingOperation::update);
        VaultNodeClient root = vault.client();
        try {
            root.enableKubernetesAuth("kubernetes");
        } catch (VaultApiException e) {
            if (!e.hasError("already in use")) {
                throw e;
            }
        }
        root.configureKubernetesAuth("kubernetes",
                KubernetesAuthConfig.builder("https://kubernetes.default.svc").build());
        root.writePolicy(POLICY, "path \"secret/data/billing/*\" {\n  capabilities = [\"read\"]\n}\n");
        root.writeKubernetesRole("kubernetes", billingRole(SERVICE_ACCOUNT, vault.namespace()));
    }

    private static KubernetesRole billingRole(String serviceAccount, String namespace) {
        return KubernetesRole.builder(ROLE)
                .boundServiceAccountNames(serviceAccount)
                .boundServiceAccountNamespaces(namespace)
                .policies(POLICY)
                .audience(AUDIENCE)
                .ttl(Duration.ofMinutes(20))
                .build();
    }

    @Test
    @Disruptive
    void aRoleBoundToARenamedServiceAccountRefusesItsTokensWith403(VaultEnvironment vault, Chaos chaos) {
        try (ServiceAccountRename rename = chaos.serviceAccounts().rename(SERVICE_ACCOUNT, "billing-v2")) {
            ServiceAccountToken renamedToken = rename.issueToken(AUDIENCE);

            assertThatKubernetesLogin(vault.active().anonymousClient(), ROLE, renamedToken)
                    .isDeniedWith(403, "service account name not authorized");

            // The fix: bind the role to the name the workload uses now, in the same change as the rename.
            vault.client().writeKubernetesRole("kubernetes", billingRole(rename.newName(), vault.namespace()));
            assertThatKubernetesLogin(vault.active().anonymousClient(), ROLE, renamedToken)
                    .succeededWithPolicies(POLICY);
        }
    }

    @Test
    @Disruptive
    void cuttingVaultOffFromTheApiServerBreaksLoginsAndHealingRestoresThem(VaultEnvironment vault, Chaos chaos) {
        ServiceAccountToken token = chaos.serviceAccounts().issueToken(SERVICE_ACCOUNT, AUDIENCE);
        RecoveryProbe login = RecoveryProbe.loginSucceeds(ROLE, token::jwt);
        assertThatKubernetesLogin(vault.active().anonymousClient(), ROLE, token).succeededWithPolicies(POLICY);

        try (BlockingPolicy cutOff = chaos.network().blockApiServer()) {
            // Open connections survive a new NetworkPolicy: restart Vault so that it must connect again.
            // With auto-unseal the restarted pods unseal themselves; the KMS is not cut off. The new active node
            // waits for service registration to give up on the API server before it serves.
            try (PodDeletion restart = cutOff.restartSelectedPods(Grace.GRACEFUL)) {
                restart.recovery().awaitWithin(RecoveryProbe.readyGate(), READY_UNDER_API_SERVER_BLOCK);
            }
            RecoveryMeasurement broken = cutOff.recovery().staysBrokenFor(login, LOGINS_STAY_BROKEN_FOR);
            assertThat(broken).stayedBrokenForAtLeast(LOGINS_STAY_BROKEN_FOR);

            cutOff.close();
            cutOff.recovery().await(login);
        }
        assertThatKubernetesLogin(vault.active().anonymousClient(), ROLE, token).succeededWithPolicies(POLICY);
    }

    @Test
    void loginsKeepWorkingWhenTheServiceAccountTokenIsRotated(VaultEnvironment vault, Chaos chaos) {
        ServiceAccountChaos accounts = chaos.serviceAccounts();
        ServiceAccountToken current = accounts.issueToken(SERVICE_ACCOUNT, AUDIENCE);

        try (TokenRotation rotation = accounts.rotateToken(current)) {
            LoginChecks logins = rotation.checkLogins(ROLE);

            assertThat(logins.allAsExpected()).as("every login as Kubernetes says it should be:%n%s", logins.describe())
                    .isTrue();
            assertThatKubernetesLogin(vault.active().anonymousClient(), ROLE, rotation.newToken())
                    .succeededWithPolicies(POLICY);
        }
    }
}
