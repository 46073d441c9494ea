package dev.vaulttest.internal.report;

import dev.vaulttest.check.Finding;
import dev.vaulttest.check.Finding.Severity;
import dev.vaulttest.timing.Phase;
import dev.vaulttest.timing.PhaseTimeline;
import dev.vaulttest.timing.PhaseTimeline.PhaseTiming;
import dev.vaulttest.timing.RecoveryMeasurement;
import dev.vaulttest.timing.RecoveryMeasurement.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Realistic report inputs shared by the report tests. */
final class ReportFixtures {

    static final Instant START = Instant.parse("2025-06-01T02:00:00Z");

    private ReportFixtures() {
    }

    static Instant at(long seconds) {
        return START.plusSeconds(seconds);
    }

    static PhaseTimeline bringUp() {
        return new PhaseTimeline(List.of(
                new PhaseTiming(Phase.CLUSTER, at(0), Duration.ofMillis(21_400)),
                new PhaseTiming(Phase.IMAGES, at(22), Duration.ofMillis(8_250)),
                new PhaseTiming(Phase.INSTALL, at(31), Duration.ofMillis(4_100)),
                new PhaseTiming(Phase.PODS_RUNNING, at(35), Duration.ofMillis(27_000)),
                new PhaseTiming(Phase.INIT, at(62), Duration.ofMillis(1_900)),
                new PhaseTiming(Phase.UNSEAL, at(64), Duration.ofMillis(3_300)),
                new PhaseTiming(Phase.JOIN, at(68), Duration.ofMillis(9_800)),
                new PhaseTiming(Phase.READY, at(78), Duration.ofMillis(5_600))));
    }

    static RecoveryMeasurement recovered(String disruption, String target, long appliedSecond, long millis) {
        return RecoveryMeasurement.recovered(disruption, target, at(appliedSecond), Optional.empty(), "ready gate",
                Duration.ofMillis(millis));
    }

    /** Three tests: a passing chaos test, a failing one with diagnostics and findings, and a skipped one. */
    static RunReport typicalRun(Path reportDir) {
        TestRecord leaderTest = TestRecord.builder("com.example.vault.LeaderFailoverTest", "leaderDeletionElectsNewLeader()")
                .recovery(recovered("delete-pod", "pod/vault-0", 100, 12_300))
                .recovery(recovered("delete-pod", "pod/vault-1", 200, 9_800))
                .recovery(recovered("delete-pod", "pod/vault-2", 300, 15_050))
                .recovery(new RecoveryMeasurement("block-kms", "networkpolicy/deny-kms", at(400),
                        Optional.of(at(460)), "unsealed", Optional.of(Duration.ofSeconds(75)),
                        Outcome.STAYED_BROKEN_AS_EXPECTED, "sealed for 60 s while the KMS was unreachable"))
                .bringUp(bringUp())
                .build();
        TestRecord pvcTest = TestRecord.builder("com.example.vault.StorageTest", "pvcLoss <3 nodes> & recovery")
                .failed("expected 3 raft voters within PT2M but saw 2: vault-2 stays sealed")
                .recovery(RecoveryMeasurement.didNotRecover("delete-pvc", "pvc/data-vault-2", at(500),
                        Optional.empty(), "ready gate", "last seen: vault-2 sealed=true, voters=[vault-0, vault-1]"))
                .recovery(recovered("delete-pvc", "pvc/data-vault-1", 700, 41_000))
                .findings(List.of(
                        new Finding("RECLAIM_POLICY_DELETE", Severity.WARNING, "StorageClass/fast",
                                "reclaimPolicy Delete loses the volume with the claim", "Use reclaimPolicy: Retain"),
                        new Finding("DEV_MODE", Severity.ERROR, "StatefulSet/vault",
                                "server.dev.enabled is true", "Set server.dev.enabled: false")))
                .diagnosticsDir(reportDir.resolve("com.example.vault.StorageTest").resolve("pvcLoss 3 nodes"))
                .build();
        TestRecord skipped = TestRecord.builder("com.example.vault.UpgradeTest", "onDeleteUpgrade()")
                .skipped("Docker is not available: no socket")
                .build();
        return new RunReport(START, at(1_234), "k3s rancher/k3s:v1.33.5-k3s1, chart vault 0.34.1, 3 raft nodes, awskms",
                List.of(skipped, pvcTest, leaderTest));
    }
}
