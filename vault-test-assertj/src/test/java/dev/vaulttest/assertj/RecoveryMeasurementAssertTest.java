package dev.vaulttest.assertj;

import static dev.vaulttest.assertj.VaultAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.timing.RecoveryMeasurement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecoveryMeasurementAssertTest {

    private static final String NL = System.lineSeparator();
    private static final Instant APPLIED = Instant.parse("2026-08-01T10:00:00Z");

    private static final RecoveryMeasurement RECOVERED_IN_42S = RecoveryMeasurement.recovered("delete-pod",
            "pod/vault-0", APPLIED, Optional.empty(), "ready gate", Duration.ofSeconds(42));
    private static final RecoveryMeasurement DID_NOT_RECOVER = RecoveryMeasurement.didNotRecover("delete-pod",
            "pod/vault-0", APPLIED, Optional.empty(), "ready gate", "vault-0 still SEALED after 120 s");
    private static final RecoveryMeasurement KMS_BLOCKED_90S = RecoveryMeasurement.stayedBroken("block-kms",
            "networkpolicy/deny-kms", APPLIED, Optional.of(APPLIED.plusSeconds(90)), "unsealed", "sealed for 90 s");
    private static final RecoveryMeasurement NOT_EFFECTIVE = RecoveryMeasurement.faultNotEffective("block-apiserver",
            "networkpolicy/deny-apiserver", APPLIED, "login succeeds", "NetworkPolicy not enforced");

    @Test
    void recovered_within_passes_at_and_above_the_measured_time() {
        assertThat(RECOVERED_IN_42S).faultTookEffect().recoveredWithin(Duration.ofSeconds(42))
                .recoveredWithin(Duration.ofMinutes(1)).stayedBrokenForAtLeast(Duration.ofSeconds(30));
    }

    @Test
    void recovered_within_fails_when_it_took_longer() {
        assertThatThrownBy(() -> assertThat(RECOVERED_IN_42S).recoveredWithin(Duration.ofSeconds(30)))
                .hasMessage("Expecting disruption delete-pod of pod/vault-0 (applied at 2026-08-01T10:00:00Z)" + NL
                        + "  to recover ('ready gate' to hold again) within 30.0 s" + NL
                        + "but it took 42.0 s");
    }

    @Test
    void recovered_within_fails_with_the_last_state_when_it_did_not_recover() {
        assertThatThrownBy(() -> assertThat(DID_NOT_RECOVER).recoveredWithin(Duration.ofMinutes(5)))
                .hasMessageContaining("  to recover ('ready gate' to hold again) within 300.0 s" + NL
                        + "but it did not recover: vault-0 still SEALED after 120 s");
        assertThatThrownBy(() -> assertThat(KMS_BLOCKED_90S).recoveredWithin(Duration.ofMinutes(5)))
                .hasMessageContaining("but it was measured as staying broken (STAYED_BROKEN_AS_EXPECTED): sealed for 90 s");
    }

    @Test
    void stayed_broken_uses_the_heal_time_and_fails_when_it_was_shorter() {
        assertThat(KMS_BLOCKED_90S).stayedBrokenForAtLeast(Duration.ofSeconds(90)).faultTookEffect();
        assertThatThrownBy(() -> assertThat(KMS_BLOCKED_90S).stayedBrokenForAtLeast(Duration.ofMinutes(2)))
                .hasMessage("Expecting disruption block-kms of networkpolicy/deny-kms (applied at"
                        + " 2026-08-01T10:00:00Z, healed at 2026-08-01T10:01:30Z)" + NL
                        + "  to stay broken ('unsealed' not holding) for at least 120.0 s" + NL
                        + "but 'unsealed' held again after 90.0 s: sealed for 90 s");
        assertThatThrownBy(() -> assertThat(DID_NOT_RECOVER).stayedBrokenForAtLeast(Duration.ofSeconds(1)))
                .hasMessageContaining("but it was measured as a failed recovery (DID_NOT_RECOVER)");
    }

    @Test
    void stayed_broken_fails_when_the_measurement_has_no_duration() {
        RecoveryMeasurement unhealed = RecoveryMeasurement.stayedBroken("block-kms", "networkpolicy/deny-kms", APPLIED,
                Optional.empty(), "unsealed", "");

        assertThatThrownBy(() -> assertThat(unhealed).stayedBrokenForAtLeast(Duration.ofSeconds(1)))
                .hasMessageContaining("but the measurement does not say for how long: it has no heal time, recovery"
                        + " time or observed broken time");
    }

    @Test
    void stayed_broken_counts_the_time_it_was_watched_when_the_disruption_heals_by_itself() {
        RecoveryMeasurement watched = RecoveryMeasurement.stayedBroken("delete-pod", "pod/vault-1", APPLIED,
                Optional.empty(), "vault-1 unsealed", Duration.ofSeconds(61), "did not hold for 60 s");

        assertThat(watched).stayedBrokenForAtLeast(Duration.ofSeconds(60));
        assertThatThrownBy(() -> assertThat(watched).stayedBrokenForAtLeast(Duration.ofSeconds(90)))
                .hasMessageContaining("but 'vault-1 unsealed' was watched not holding for only 61.0 s");
    }

    @Test
    void a_fault_that_did_not_take_effect_fails_every_assertion_and_says_nothing_was_tested() {
        assertThatThrownBy(() -> assertThat(NOT_EFFECTIVE).faultTookEffect())
                .hasMessage("Expecting disruption block-apiserver of networkpolicy/deny-apiserver (applied at"
                        + " 2026-08-01T10:00:00Z)" + NL
                        + "  to take effect ('login succeeds' should have stopped holding)" + NL
                        + "but it did not, so nothing was tested: NetworkPolicy not enforced" + NL
                        + "Hint: a fault that does not take effect usually means the cluster does not enforce it, for"
                        + " example a NetworkPolicy on a CNI without policy support");
        assertThatThrownBy(() -> assertThat(NOT_EFFECTIVE).recoveredWithin(Duration.ofMinutes(1)))
                .hasMessageContaining("but the fault did not take effect, so nothing was tested: NetworkPolicy not"
                        + " enforced");
        assertThatThrownBy(() -> assertThat(NOT_EFFECTIVE).stayedBrokenForAtLeast(Duration.ofMinutes(1)))
                .hasMessageContaining("but the fault did not take effect, so nothing was tested");
    }

    @Test
    void rejects_durations_that_are_not_positive() {
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(RECOVERED_IN_42S).recoveredWithin(Duration.ZERO))
                .withMessage("The recovery time limit must be positive but was PT0S");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> assertThat(RECOVERED_IN_42S).stayedBrokenForAtLeast(null))
                .withMessage("The minimum broken time must not be null");
    }
}
