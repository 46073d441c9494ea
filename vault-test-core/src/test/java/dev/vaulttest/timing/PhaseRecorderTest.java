package dev.vaulttest.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        try (PhaseRecorder.Running phase = recorder.begin(PhaseTimeline.INSTALL)) {
            assertThat(phase.phase()).isEqualTo("install");
            clock.advance(Duration.ofSeconds(4));
        }

        assertThat(recorder.timeline().phases())
                .containsExactly(new PhaseTiming("install", START, Duration.ofSeconds(4)));
    }

    @Test
    void timeReturnsTheResultAndRecordsThePhase() {
        String result = recorder.time(PhaseTimeline.INIT, () -> {
            clock.advance(Duration.ofMillis(1500));
            return "initialised";
        });

        assertThat(result).isEqualTo("initialised");
        assertThat(recorder.timeline().find("init")).map(PhaseTiming::duration).contains(Duration.ofMillis(1500));
    }

    @Test
    void aPhaseThatThrowsIsRecordedUntilTheFailure() {
        assertThatThrownBy(() -> recorder.time(PhaseTimeline.UNSEAL, () -> {
            clock.advance(Duration.ofSeconds(30));
            throw new IllegalStateException("still sealed");
        })).hasMessage("still sealed");

        assertThat(recorder.timeline().find("unseal")).map(PhaseTiming::duration).contains(Duration.ofSeconds(30));
        assertThat(recorder.runningPhases()).isEmpty();
    }

    @Test
    void timelineIsOrderedByStartAndIsASnapshot() {
        PhaseRecorder.Running ready = recorder.begin(PhaseTimeline.READY);
        clock.advance(Duration.ofSeconds(1));
        recorder.time(PhaseTimeline.JOIN, () -> clock.advance(Duration.ofSeconds(2)));
        PhaseTimeline before = recorder.timeline();
        ready.close();
        ready.close();

        assertThat(before.phases()).extracting(PhaseTiming::phase).containsExactly("join");
        PhaseTimeline after = recorder.timeline();
        assertThat(after.phases()).extracting(PhaseTiming::phase).containsExactly("ready", "join");
        assertThat(after.total()).isEqualTo(Duration.ofSeconds(3));
        assertThat(recorder.runningPhases()).isEmpty();
    }

    @Test
    void runningPhasesAreVisibleForDiagnostics() {
        recorder.begin(PhaseTimeline.CLUSTER);
        recorder.begin(PhaseTimeline.IMAGES);

        assertThat(recorder.runningPhases()).containsExactly("cluster", "images");
        assertThat(recorder.timeline().isEmpty()).isTrue();
    }

    @Test
    void beginningARunningPhaseOrEndingAnIdleOneIsAnError() {
        recorder.begin(PhaseTimeline.INSTALL);

        assertThatThrownBy(() -> recorder.begin(PhaseTimeline.INSTALL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'install' is already running");
        assertThatThrownBy(() -> recorder.end(PhaseTimeline.JOIN))
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
        assertThatThrownBy(() -> new PhaseTiming("join", START, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'join'");
    }
}
