package dev.vaulttest.timing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

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
