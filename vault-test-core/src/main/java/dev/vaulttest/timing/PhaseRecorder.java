package dev.vaulttest.timing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Records how long the phases of one environment take; owned by that environment.
 *
 * <p>Either bracket a phase explicitly:
 * <pre>{@code
 * try (PhaseRecorder.Running phase = recorder.begin(PhaseTimeline.INSTALL)) {
 *     helm.install(...);
 * }
 * }</pre>
 * or time a piece of work: {@code recorder.time(PhaseTimeline.INIT, () -> ops.init(spec))}. A phase that
 * ends by an exception is recorded too, with the time until the failure: that is what a diagnosis needs.
 *
 * <p>The recorder is mutable and safe to use from several threads; the {@link PhaseTimeline} it returns
 * is an immutable snapshot of the phases completed so far.
 */
public final class PhaseRecorder {

    private final Clock clock;
    private final List<PhaseTiming> completed = new ArrayList<>();
    private final Map<String, Instant> running = new LinkedHashMap<>();

    /** Creates a recorder that reads the system clock (UTC). */
    public PhaseRecorder() {
        this(Clock.systemUTC());
    }

    /**
     * Creates a recorder that reads the given clock.
     *
     * @param clock the clock that stamps phase starts and ends
     */
    public PhaseRecorder(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Starts a phase.
     *
     * @param phase the phase name, usually a {@link PhaseTimeline} constant
     * @return a handle whose {@link Running#close()} ends the phase
     * @throws IllegalStateException when a phase of that name is already running
     */
    public synchronized Running begin(String phase) {
        Objects.requireNonNull(phase, "phase");
        if (running.containsKey(phase)) {
            throw new IllegalStateException("phase '" + phase + "' is already running (started at "
                    + running.get(phase) + "); end it before beginning it again");
        }
        running.put(phase, clock.instant());
        return new Running(phase);
    }

    /**
     * Ends a running phase and records its timing.
     *
     * @param phase the name given to {@link #begin(String)}
     * @return the recorded timing
     * @throws IllegalStateException when no phase of that name is running
     */
    public synchronized PhaseTiming end(String phase) {
        Objects.requireNonNull(phase, "phase");
        Instant start = running.remove(phase);
        if (start == null) {
            throw new IllegalStateException("phase '" + phase + "' is not running; running phases: "
                    + running.keySet() + ". Call begin(\"" + phase + "\") first.");
        }
        Duration duration = Duration.between(start, clock.instant());
        PhaseTiming timing = new PhaseTiming(phase, start, duration.isNegative() ? Duration.ZERO : duration);
        completed.add(timing);
        return timing;
    }

    /**
     * Runs work as one phase and returns its result; the phase is recorded even when the work throws.
     *
     * @param phase the phase name
     * @param work the work to time
     * @param <T> the result type
     * @return what {@code work} returned
     */
    public <T> T time(String phase, Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        Running running = begin(phase);
        try {
            return work.get();
        } finally {
            running.close();
        }
    }

    /**
     * Runs work without a result as one phase; the phase is recorded even when the work throws.
     *
     * @param phase the phase name
     * @param work the work to time
     */
    public void time(String phase, Runnable work) {
        Objects.requireNonNull(work, "work");
        Running running = begin(phase);
        try {
            work.run();
        } finally {
            running.close();
        }
    }

    /**
     * Returns the phases that began and have not ended yet, in the order they began; useful in
     * diagnostics when a bring-up times out.
     *
     * @return the running phase names
     */
    public synchronized Set<String> runningPhases() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(running.keySet()));
    }

    /**
     * Returns an immutable snapshot of the phases completed so far.
     *
     * @return the timeline
     */
    public synchronized PhaseTimeline timeline() {
        return new PhaseTimeline(completed);
    }

    /** A phase that has begun; closing it ends the phase. Closing it twice has no further effect. */
    public final class Running implements AutoCloseable {

        private final String phase;
        private boolean closed;

        private Running(String phase) {
            this.phase = phase;
        }

        /**
         * Returns the phase name.
         *
         * @return the name given to {@link PhaseRecorder#begin(String)}
         */
        public String phase() {
            return phase;
        }

        /** Ends the phase and records its timing. */
        @Override
        public void close() {
            synchronized (PhaseRecorder.this) {
                if (!closed) {
                    closed = true;
                    end(phase);
                }
            }
        }
    }
}
