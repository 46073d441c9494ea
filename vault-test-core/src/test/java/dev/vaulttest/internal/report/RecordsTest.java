package dev.vaulttest.internal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.timing.RecoveryMeasurement;
import dev.vaulttest.timing.RecoveryMeasurement.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordsTest {

    private static final Instant T = ReportFixtures.START;
    private static final String TOKEN = "hvs." + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4";

    @Test
    void recoveredNeedsARecoveryTime() {
        assertThatThrownBy(() -> new RecoveryMeasurement("delete-pod", "pod/vault-0", T, Optional.empty(),
                "ready gate", Optional.empty(), Outcome.RECOVERED, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RECOVERED").hasMessageContaining("pod/vault-0");
    }

    @Test
    void didNotRecoverCannotHaveARecoveryTime() {
        assertThatThrownBy(() -> new RecoveryMeasurement("delete-pod", "pod/vault-0", T, Optional.empty(),
                "ready gate", Optional.of(Duration.ofSeconds(3)), Outcome.DID_NOT_RECOVER, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DID_NOT_RECOVER");
    }

    @Test
    void factoriesSetTheOutcomeAndOnlyTheRecoveryTimeItAllows() {
        RecoveryMeasurement broken = RecoveryMeasurement.stayedBroken("block-kms", "networkpolicy/deny-kms", T,
                Optional.of(T.plusSeconds(60)), "unsealed", "sealed for 60 s");
        RecoveryMeasurement ineffective = RecoveryMeasurement.faultNotEffective("block-apiserver",
                "networkpolicy/deny-api", T, "login fails", "NetworkPolicy not enforced by this cluster");

        assertThat(broken.outcome()).isEqualTo(Outcome.STAYED_BROKEN_AS_EXPECTED);
        assertThat(broken.recoveredAfter()).isEmpty();
        assertThat(ineffective.outcome()).isEqualTo(Outcome.FAULT_NOT_EFFECTIVE);
        assertThat(ineffective.outcome().isProblem()).isTrue();
        assertThat(ineffective.healedAt()).isEmpty();
    }

    @Test
    void healedBeforeAppliedIsRejected() {
        assertThatThrownBy(() -> RecoveryMeasurement.recovered("block-kms", "networkpolicy/deny-kms", T,
                Optional.of(T.minusSeconds(1)), "unsealed", Duration.ofSeconds(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("healedAt");
    }

    @Test
    void freeTextIsRedactedSoToStringNeverShowsASecret() {
        RecoveryMeasurement measurement = RecoveryMeasurement.didNotRecover("rotate-token", "sa/app", T,
                Optional.empty(), "login succeeds", "403 for token " + TOKEN);
        TestRecord record = TestRecord.builder("A", "b").failed("login with " + TOKEN + " failed")
                .recovery(measurement).build();
        TestRecord skipped = TestRecord.builder("A", "c").aborted("no creds for " + TOKEN).build();
        RunReport report = new RunReport(T, T, "root token " + TOKEN, List.of(record, skipped));

        assertThat(measurement.detail()).isEqualTo("403 for token [REDACTED]");
        assertThat(List.of(measurement.toString(), record.toString(), skipped.toString(), report.toString()))
                .allSatisfy(text -> assertThat(text).doesNotContain(TOKEN.substring(4)));
    }

    @Test
    void builderCopiesListsSoTheRecordStaysImmutable() {
        List<dev.vaulttest.check.Finding> findings = new ArrayList<>();
        TestRecord record = TestRecord.builder("A", "b").findings(findings)
                .recovery(ReportFixtures.recovered("delete-pod", "pod/vault-0", 0, 1000)).build();

        assertThatThrownBy(() -> record.recoveries().add(ReportFixtures.recovered("x", "y", 0, 1)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(record.status()).isEqualTo(TestRecord.Status.PASSED);
        assertThat(record.bringUp().isEmpty()).isTrue();
    }

    @Test
    void runReportRejectsAFinishBeforeTheStart() {
        assertThatThrownBy(() -> new RunReport(T, T.minusMillis(1), "", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finishedAt");
    }
}
