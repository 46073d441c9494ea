package dev.vaulttest.assertj;

import static dev.vaulttest.assertj.VaultInstanceOfAssertFactories.CHECK_REPORT;
import static dev.vaulttest.assertj.VaultInstanceOfAssertFactories.DEPLOYMENT_SNAPSHOT;
import static dev.vaulttest.assertj.VaultInstanceOfAssertFactories.LOGIN_RESULT;
import static dev.vaulttest.assertj.VaultInstanceOfAssertFactories.NODE_SNAPSHOT;
import static dev.vaulttest.assertj.VaultInstanceOfAssertFactories.RECOVERY_MEASUREMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.check.CheckReport;
import dev.vaulttest.fixture.VaultDouble;
import dev.vaulttest.testkit.FakeVaultCluster;
import dev.vaulttest.timing.RecoveryMeasurement;
import dev.vaulttest.vault.LoginResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VaultInstanceOfAssertFactoriesTest {

    @Test
    void switches_an_assertj_chain_to_vault_assertions() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(2))) {
            Object snapshot = vault.snapshot();

            assertThat(snapshot).asInstanceOf(DEPLOYMENT_SNAPSHOT).isUnsealed().hasActiveNode("vault-0");
            assertThat(snapshot).extracting(s -> ((DeploymentSnapshot) s).nodes().get(1), NODE_SNAPSHOT).isStandby();
            assertThatThrownBy(() -> assertThat(snapshot).asInstanceOf(DEPLOYMENT_SNAPSHOT).isSealed())
                    .hasMessageContaining("to be sealed on every node");
        }
        assertThat(List.of(new LoginResult.Denied(403, List.of("permission denied"))))
                .element(0, LOGIN_RESULT).isDeniedWith(403, "permission denied");
        assertThat((Object) new CheckReport(List.of())).asInstanceOf(CHECK_REPORT).hasNoFindings();
        assertThat((Object) RecoveryMeasurement.recovered("delete-pod", "pod/vault-0", Instant.EPOCH, Optional.empty(),
                "ready gate", Duration.ofSeconds(5))).asInstanceOf(RECOVERY_MEASUREMENT).recoveredWithin(Duration.ofSeconds(5));
        assertThatThrownBy(() -> assertThat((Object) "vault-0").asInstanceOf(DEPLOYMENT_SNAPSHOT))
                .hasMessageContaining("to be an instance of:");
    }
}
