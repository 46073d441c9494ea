package dev.vaulttest.internal.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.timing.Phase;
import dev.vaulttest.timing.PhaseTimeline;
import dev.vaulttest.timing.PhaseTimeline.PhaseTiming;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseRecorderTest {

    private static final Instant START = Instant.parse("2025-06-01T02:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final PhaseRecorder recorder = new PhaseRecorder(clock);

    @Test
    void beginAndCloseRecordStartAndDuration() {
        try (PhaseRecorder.Running phase = recorder.begin(Phase.INSTALL)) {
            assertThat(phase.phase()).isEqualTo(Phase.INSTALL);
            clock.advance(Duration.ofSeconds(4));
        }

        assertThat(recorder.timeline().phases())
                .containsExactly(new PhaseTiming(Phase.INSTALL, START, Duration.ofSeconds(4)));
    }

    @Test
    void timeReturnsTheResultAndRecordsThePhase() {
        String result = recorder.time(Phase.INIT, () -> {
            clock.advance(Duration.ofMillis(1500));
            return "initialised";
        });

        assertThat(result).isEqualTo("initialised");
        assertThat(recorder.timeline().find(Phase.INIT)).map(PhaseTiming::duration).contains(Duration.ofMillis(1500));
    }

    @Test
    void aPhaseThatThrowsIsRecordedUntilTheFailure() {
        assertThatThrownBy(() -> recorder.time(Phase.UNSEAL, () -> {
            clock.advance(Duration.ofSeconds(30));
            throw new IllegalStateException("still sealed");
        })).hasMessage("still sealed");

        assertThat(recorder.timeline().find(Phase.UNSEAL)).map(PhaseTiming::duration).contains(Duration.ofSeconds(30));
        assertThat(recorder.runningPhases()).isEmpty();
    }

    @Test
    void timelineIsOrderedByStartAndIsASnapshot() {
        PhaseRecorder.Running ready = recorder.begin(Phase.READY);
        clock.advance(Duration.ofSeconds(1));
        recorder.time(Phase.JOIN, () -> clock.advance(Duration.ofSeconds(2)));
        PhaseTimeline before = recorder.timeline();
        ready.close();
        ready.close();

        assertThat(before.phases()).extracting(PhaseTiming::phase).containsExactly(Phase.JOIN);
        PhaseTimeline after = recorder.timeline();
        assertThat(after.phases()).extracting(PhaseTiming::phase).containsExactly(Phase.READY, Phase.JOIN);
        assertThat(after.total()).isEqualTo(Duration.ofSeconds(3));
        assertThat(recorder.runningPhases()).isEmpty();
    }

    @Test
    void runningPhasesAreVisibleForDiagnostics() {
        recorder.begin(Phase.CLUSTER);
        recorder.begin(Phase.IMAGES);

        assertThat(recorder.runningPhases()).containsExactly(Phase.CLUSTER, Phase.IMAGES);
        assertThat(recorder.timeline().isEmpty()).isTrue();
    }

    @Test
    void beginningARunningPhaseOrEndingAnIdleOneIsAnError() {
        recorder.begin(Phase.INSTALL);

        assertThatThrownBy(() -> recorder.begin(Phase.INSTALL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'install' is already running");
        assertThatThrownBy(() -> recorder.end(Phase.JOIN))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'join' is not running")
                .hasMessageContaining("[install]");
    }

    @Test
    void emptyTimelineHasZeroTotal() {
        assertThat(PhaseTimeline.empty().total()).isZero();
        assertThat(new PhaseTimeline(List.of()).isEmpty()).isTrue();
    }

    @Test
    void negativeDurationIsRejectedWithThePhaseName() {
        assertThatThrownBy(() -> new PhaseTiming(Phase.JOIN, START, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'join'");
    }

    @Test
    void aFinishedPhaseLogsOneInfoLineWithItsDuration() {
        PhaseRecorder named = new PhaseRecorder(clock, () -> "Vault environment vt-log-test/vt-log");

        List<String> lines = logLines("vt-log-test", () -> {
            named.time(Phase.INSTALL, () -> clock.advance(Duration.ofMillis(700)));
            assertThatThrownBy(() -> named.time(Phase.UNSEAL, () -> {
                clock.advance(Duration.ofSeconds(12));
                throw new IllegalStateException("still sealed");
            })).hasMessage("still sealed");
        });

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains(" INFO ")
                .endsWith("Vault environment vt-log-test/vt-log: install took 700ms");
        assertThat(lines.get(1)).contains(" INFO ")
                .endsWith("Vault environment vt-log-test/vt-log: unseal failed after 12.0s");
    }

    /** The lines slf4j-simple writes to System.err while the action runs (see simplelogger.properties). */
    private static List<String> logLines(String containing, Runnable action) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(originalErr);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains(containing)).toList();
    }
}
