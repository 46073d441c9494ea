package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.chaos.LoginChecks.LoginCheck.LoginExpectation;
import dev.vaulttest.chaos.ServiceAccountToken.TokenSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class SigningKeyRotationTest {

    KubernetesMockServer server;
    KubernetesClient client;
    private ChaosWorld world;
    private FakeShell shell;
    private TokenSpec probe;

    @BeforeEach
    void setUp() {
        world = ChaosWorld.autoUnseal(server, client);
        world.kubernetesAuth();
        shell = new FakeShell(world.tokens);
        probe = TokenSpec.forAccount(world.namespace(), "app");
        world.cluster.onStart(world.tokens::restart);
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    private SigningKeyRotation rotate(ChaosOptions options, boolean keepOldKey) {
        return SigningKeyRotation.apply(world.env, options, shell, probe, keepOldKey);
    }

    private ChaosOptions options() {
        return ChaosWorld.fastOptions().measurementListener(world.measurements::add).build();
    }

    @Test
    void theDocumentedProcedureStagesTheNewKeyFirstRestartsAndKeepsOldTokensValid() {
        SigningKeyRotation rotation = rotate(options(), true);

        assertThat(shell.commands).containsExactly(
                "rm -rf " + SigningKeyRotation.STAGING,
                "mkdir -p " + SigningKeyRotation.STAGING + "/server/tls",
                "copy service.key to " + SigningKeyRotation.STAGING + "/server/tls",
                "sh -c cat " + SigningKeyRotation.CURRENT_KEY + " >> " + SigningKeyRotation.STAGING
                        + "/server/tls/service.key",
                "k3s certificate rotate-ca --path=" + SigningKeyRotation.STAGING + "/server",
                "rm -rf " + SigningKeyRotation.STAGING);
        assertThat(shell.copiedKeys).singleElement().satisfies(pem -> assertThat(pem)
                .startsWith("-----BEGIN RSA PRIVATE KEY-----").contains("-----END RSA PRIVATE KEY-----"));
        assertThat(world.cluster.calls).containsExactly("stop", "start");
        assertThat(rotation.keyIds()).containsExactly(Optional.of("key-1"), Optional.of("key-2"));
        assertThat(rotation.keptOldKey()).isTrue();
        assertThat(rotation.verification().observed()).contains("old token: Kubernetes accepts it");

        LoginChecks logins = rotation.checkLogins("app").requireAllAsExpected();

        assertThat(logins.checks()).allSatisfy(c -> assertThat(c.expected()).isEqualTo(LoginExpectation.ACCEPTED));
    }

    @Test
    void droppingTheOldKeyKillsTokensSignedBefore() {
        SigningKeyRotation rotation = rotate(options(), false);

        assertThat(shell.commands).noneMatch(c -> c.contains(" >> "));
        assertThat(shell.commands).contains("k3s certificate rotate-ca --path=" + SigningKeyRotation.STAGING
                + "/server --force");
        LoginChecks logins = rotation.checkLogins("app").requireAllAsExpected();
        assertThat(logins.check("token before").expected()).isEqualTo(LoginExpectation.REJECTED_BY_KUBERNETES);
        assertThat(logins.check("token after").expected()).isEqualTo(LoginExpectation.ACCEPTED);
    }

    @Test
    void aRefusedRotationChangesNothing() {
        shell.rotateCaExit = 1;

        assertThatThrownBy(() -> rotate(options(), true)).isInstanceOf(VaultTestException.class)
                .hasMessageContaining("refused the new signing key (exit 1)")
                .hasMessageContaining("Nothing was changed");
        assertThat(world.cluster.calls).isEmpty();
        assertThat(shell.commands).last().isEqualTo("rm -rf " + SigningKeyRotation.STAGING);
    }

    @Test
    void aKeyThatK3sIgnoredIsReportedAsNotEffective() {
        world.tokens.ignoreStagedKeys = true;

        assertThatThrownBy(() -> rotate(ChaosWorld.fastOptions().faultTimeout(Duration.ofMillis(300)).build(), true))
                .isInstanceOf(FaultNotEffectiveException.class)
                .hasMessageContaining("expected tokens signed with a new key (a kid other than key-1), but saw kid key-1");
    }

    @Test
    void onlyK3sClustersTheLibraryRunsCanRotate() {
        assertThatThrownBy(() -> world.chaos.serviceAccounts().rotateSigningKey())
                .isInstanceOf(ChaosPreconditionException.class).hasMessageContaining("needs a k3s cluster");
    }
}
