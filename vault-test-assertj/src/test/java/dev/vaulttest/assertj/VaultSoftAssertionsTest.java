package dev.vaulttest.assertj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.check.CheckReport;
import dev.vaulttest.check.LiveDeployment;
import dev.vaulttest.fixture.VaultDouble;
import dev.vaulttest.testkit.FakeVaultCluster;
import dev.vaulttest.timing.RecoveryMeasurement;
import dev.vaulttest.vault.LoginResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SoftAssertionsExtension.class)
class VaultSoftAssertionsTest {

    @InjectSoftAssertions
    VaultSoftAssertions injected;

    private static final RecoveryMeasurement SLOW = RecoveryMeasurement.recovered("delete-pod", "pod/vault-0",
            Instant.parse("2026-08-01T10:00:00Z"), Optional.empty(), "ready gate", Duration.ofSeconds(90));

    @Test
    void collects_every_failure_across_subjects_instead_of_stopping_at_the_first() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(3))) {
            vault.restart("vault-2");
            DeploymentSnapshot snapshot = vault.snapshot();
            VaultSoftAssertions softly = new VaultSoftAssertions();

            softly.assertThat(snapshot).isUnsealed();
            softly.assertThat(snapshot).hasExactlyOneActiveNode().hasSealType("awskms");
            softly.assertThat(snapshot.node("vault-2").orElseThrow()).isStandby();
            softly.assertThat(new LoginResult.Denied(403, List.of("permission denied"))).succeeded();
            softly.assertThat(SLOW).recoveredWithin(Duration.ofMinutes(1));

            assertThat(softly.errorsCollected()).hasSize(5);
            assertThat(softly.errorsCollected()).extracting(Throwable::getMessage).satisfiesExactly(
                    m -> assertThat(m).contains("to be unsealed on every node"),
                    m -> assertThat(m).contains("to report seal type 'awskms' on every node"),
                    m -> assertThat(m).contains("Expecting node vault-2").contains("to be STANDBY"),
                    m -> assertThat(m).contains("but Vault denied it: HTTP 403 [permission denied]"),
                    m -> assertThat(m).contains("but it took 90.0 s"));
            assertThatThrownBy(softly::assertAll)
                    .hasMessageContaining("Multiple Failures (5 failures)")
                    .hasMessageContaining("vault-2 is SEALED (unseal progress 0/2)");
        }
    }

    @Test
    void assert_softly_passes_when_everything_holds_on_every_subject_type() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(1))) {
            vault.leaderClient().enableKvV2("secret");
            vault.leaderClient().putSecret("secret", "app", Map.of("user", "app"));
            SecretCanary canary = SecretCanary.write(vault.leaderClient(), "secret", 1);
            DeploymentSnapshot snapshot = vault.snapshot();

            VaultSoftAssertions.assertSoftly(softly -> {
                softly.assertThat(snapshot).isUnsealed().hasExactlyOneActiveNode();
                softly.assertThat(snapshot.nodes().get(0)).isActive();
                softly.assertThat(new CheckReport(List.of())).hasNoFindings();
                softly.assertThat(KvRead.of(vault.leaderClient(), "secret", "app")).containsEntry("user", "app");
                softly.assertThat(vault.leaderClient().getSecret("secret", "app").orElseThrow()).exists();
                softly.assertThat(canary).survivedOn(vault.leaderClient());
                softly.assertThat(new LoginResult.Denied(403, List.of("permission denied"))).isDenied();
                softly.assertThat(SLOW).recoveredWithin(Duration.ofMinutes(2));
                softly.assertThat(new LiveDeployment("ns", "vault", List.of(), List.of(), List.of(), List.of(),
                        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), OptionalInt.empty()))
                        .checklist().hasNoFindings();
            });
        }
    }

    @Test
    void assert_softly_fails_with_all_collected_failures() {
        assertThatThrownBy(() -> VaultSoftAssertions.assertSoftly(softly -> {
            softly.assertThat(SLOW).recoveredWithin(Duration.ofSeconds(30));
            softly.assertThat(SLOW).stayedBrokenForAtLeast(Duration.ofMinutes(5));
        })).hasMessageContaining("Multiple Failures (2 failures)")
                .hasMessageContaining("but it took 90.0 s")
                .hasMessageContaining("but 'ready gate' held again after 90.0 s");
    }

    @Test
    void is_injected_by_assertjs_soft_assertions_extension() {
        injected.assertThat(SLOW).faultTookEffect().recoveredWithin(Duration.ofMinutes(2));

        assertThat(injected.errorsCollected()).isEmpty();
    }
}
