package dev.vaulttest.timing;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The immutable, ordered list of phase timings of one environment, for example its bring-up.
 *
 * <p>Produced by the library as a bring-up or test runs; phases are ordered by start time (phases that started at the
 * same instant keep the order in which they were recorded). A phase may appear more than once, for
 * example when a deployment is rebuilt.
 *
 * @param phases the timings, ordered by start
 */
public record PhaseTimeline(List<PhaseTiming> phases) {

    private static final PhaseTimeline EMPTY = new PhaseTimeline(List.of());

    /**
     * Copies the list, orders it by start, and rejects {@code null} entries.
     *
     * @param phases the timings, in any order
     */
    public PhaseTimeline {
        Objects.requireNonNull(phases, "phases");
        phases = phases.stream()
                .map(timing -> Objects.requireNonNull(timing, "phases must not contain null"))
                .sorted(Comparator.comparing(PhaseTiming::start))
                .toList();
    }

    /**
     * Returns a timeline without phases, for tests that brought nothing up.
     *
     * @return the empty timeline
     */
    public static PhaseTimeline empty() {
        return EMPTY;
    }

    /**
     * Tells whether no phase was recorded.
     *
     * @return {@code true} when there are no phases
     */
    public boolean isEmpty() {
        return phases.isEmpty();
    }

    /**
     * Returns the first timing recorded for a phase.
     *
     * @param phase the phase, for example {@link Phase#UNSEAL}
     * @return the timing, or empty when the phase was not recorded
     */
    public Optional<PhaseTiming> find(Phase phase) {
        return phases.stream().filter(timing -> timing.phase() == phase).findFirst();
    }

    /**
     * Returns the wall-clock span from the start of the first phase to the end of the last one to end.
     * Gaps between phases count; overlapping phases count once.
     *
     * @return the span, {@link Duration#ZERO} for an empty timeline
     */
    public Duration total() {
        if (phases.isEmpty()) {
            return Duration.ZERO;
        }
        Instant first = phases.get(0).start();
        Instant last = phases.stream().map(PhaseTiming::end).max(Comparator.naturalOrder()).orElse(first);
        return Duration.between(first, last);
    }

    /**
     * How long one phase of bringing up (or changing) a deployment took.
     *
     * @param phase the phase
     * @param start when the phase began
     * @param duration how long it ran; never negative
     */
    public record PhaseTiming(Phase phase, Instant start, Duration duration) {

        /**
         * Validates that every component is present and the duration is not negative.
         *
         * @param phase the phase
         * @param start when the phase began
         * @param duration how long it ran
         */
        public PhaseTiming {
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("duration of phase '" + phase + "' must not be negative; got "
                        + duration + ". Measure with one clock from start to end.");
            }
        }

        /**
         * Returns when the phase ended.
         *
         * @return {@code start + duration}
         */
        public Instant end() {
            return start.plus(duration);
        }
    }
}
