package dev.vaulttest.assertj;

import static dev.vaulttest.assertj.VaultAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.chaos.Disruption;
import dev.vaulttest.chaos.Disruption.Verification;
import dev.vaulttest.chaos.Disruption.Recovery;
import dev.vaulttest.timing.RecoveryMeasurement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DisruptionAssertTest {

    private static final String NL = System.lineSeparator();
    private static final Instant APPLIED = Instant.parse("2026-08-01T10:00:00Z");

    /**
     * A disruption handle as the chaos helpers return it, with the measurements a test recorded. Building real
     * handles needs the chaos module's cluster simulation; the assertions only read the handle's data.
     */
    private static final class RecordedDisruption implements Disruption {
        private final List<RecoveryMeasurement> measurements = new ArrayList<>();
        private Instant healedAt;

        RecordedDisruption record(RecoveryMeasurement measurement) {
            measurements.add(measurement);
            return this;
        }

        @Override
        public String kind() {
            return "delete-pod";
        }

        @Override
        public String target() {
            return "pod/vault-0";
        }

        @Override
        public Instant appliedAt() {
            return APPLIED;
        }

        @Override
        public Optional<Instant> healedAt() {
            return Optional.ofNullable(healedAt);
        }

        @Override
        public Verification verification() {
            return new Verification("pod vault-0 gone (no pod with UID 1234)", "pod vault-0 has UID 5678",
                    APPLIED.plusMillis(300));
        }

        @Override
        public Recovery recovery() {
            throw new UnsupportedOperationException("the assertions do not wait");
        }

        @Override
        public List<RecoveryMeasurement> measurements() {
            return List.copyOf(measurements);
        }

        @Override
        public void close() {
            healedAt = APPLIED.plusSeconds(60);
        }
    }

    private static RecoveryMeasurement recovered(String condition, long seconds) {
        return RecoveryMeasurement.recovered("delete-pod", "pod/vault-0", APPLIED, Optional.empty(), condition,
                Duration.ofSeconds(seconds));
    }

    @Test
    void a_handle_whose_conditions_all_recovered_in_time_passes() {
        RecordedDisruption deletion = new RecordedDisruption().record(recovered("new leader (not vault-0)", 3))
                .record(recovered("unsealed vault-0", 12));
        deletion.close();

        assertThat(deletion).tookEffect().isHealed().recoveredWithin(Duration.ofSeconds(12))
                .stayedBrokenForAtLeast(Duration.ofSeconds(10));
        assertThat(deletion).lastMeasurement().recoveredWithin(Duration.ofSeconds(12));
    }

    @Test
    void recovered_within_lists_every_measurement_and_the_verification() {
        RecordedDisruption deletion = new RecordedDisruption().record(recovered("new leader (not vault-0)", 3))
                .record(RecoveryMeasurement.didNotRecover("delete-pod", "pod/vault-0", APPLIED, Optional.empty(),
                        "unsealed vault-0", "vault-0 SEALED 0/2"));

        assertThatThrownBy(() -> assertThat(deletion).recoveredWithin(Duration.ofSeconds(30)))
                .hasMessage("Expecting disruption delete-pod of pod/vault-0 (applied at 2026-08-01T10:00:00Z)" + NL
                        + "  to recover within 30.0 s in every condition waited for" + NL
                        + "but 1 of 2 measurements did not: ['unsealed vault-0']" + NL
                        + "Observed verification: expected pod vault-0 gone (no pod with UID 1234), observed pod vault-0"
                        + " has UID 5678 at 2026-08-01T10:00:00.300Z" + NL
                        + "measurements:" + NL
                        + "  - RECOVERED 'new leader (not vault-0)' after 3.00 s" + NL
                        + "  - DID_NOT_RECOVER 'unsealed vault-0': vault-0 SEALED 0/2");
    }

    @Test
    void a_handle_without_measurements_or_healing_fails_and_says_what_to_call() {
        RecordedDisruption deletion = new RecordedDisruption();

        assertThatThrownBy(() -> assertThat(deletion).recoveredWithin(Duration.ofSeconds(30)))
                .hasMessageContaining("but no recovery was measured on it (call recovery().await(...) first)")
                .hasMessageContaining("measurements:" + NL + "  (none)");
        assertThatThrownBy(() -> assertThat(deletion).isHealed())
                .hasMessageContaining("  to be healed" + NL + "but it was not healed");
        assertThatThrownBy(() -> assertThat(deletion).lastMeasurement())
                .hasMessageContaining("  to have a recovery measurement" + NL + "but none was recorded on it");
    }

    @Test
    void stayed_broken_needs_a_measurement_that_shows_the_time() {
        RecordedDisruption outage = new RecordedDisruption().record(RecoveryMeasurement.stayedBroken("delete-pod",
                "pod/vault-0", APPLIED, Optional.empty(), "unsealed vault-0", "did not hold for 60 s"));

        assertThatThrownBy(() -> assertThat(outage).stayedBrokenForAtLeast(Duration.ofSeconds(60)))
                .hasMessageContaining("  to have stayed broken for at least 60.0 s" + NL
                        + "but no measurement shows that long (a stays-broken check records neither a heal nor a"
                        + " recovery time; close the disruption and measure the recovery to time the outage)");

        outage.record(recovered("unsealed vault-0", 75));

        assertThat(outage).stayedBrokenForAtLeast(Duration.ofSeconds(60));
    }

    @Test
    void a_not_effective_measurement_fails_took_effect() {
        RecordedDisruption blocked = new RecordedDisruption().record(RecoveryMeasurement.faultNotEffective(
                "delete-pod", "pod/vault-0", APPLIED, "pod gone", "the pod kept its UID"));

        assertThatThrownBy(() -> assertThat(blocked).tookEffect())
                .hasMessageContaining("  to take effect" + NL
                        + "but 1 measurement(s) say it did not, so nothing was tested: [the pod kept its UID]");
    }

    @Test
    void rejects_bad_durations() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> assertThat(new RecordedDisruption()).recoveredWithin(Duration.ofSeconds(-1)))
                .withMessage("The recovery time limit must be positive but was PT-1S");
        assertThatThrownBy(() -> assertThat((Disruption) null).tookEffect())
                .hasMessageContaining("Expecting actual not to be null");
    }
}
