package dev.vaulttest.internal.timing;

import dev.vaulttest.internal.Durations;
import dev.vaulttest.timing.Phase;
import dev.vaulttest.timing.PhaseTimeline;
import dev.vaulttest.timing.PhaseTimeline.PhaseTiming;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records how long the phases of one environment take; owned by that environment.
 *
 * <p>Either bracket a phase explicitly:
 * <pre>{@code
 * try (PhaseRecorder.Running phase = recorder.begin(Phase.INSTALL)) {
 *     helm.install(...);
 * }
 * }</pre>
 * or time a piece of work: {@code recorder.time(Phase.INIT, () -> ops.init(spec))}. A phase that
 * ends by an exception is recorded too, with the time until the failure: that is what a diagnosis needs.
 *
 * <p>The recorder is mutable and safe to use from several threads; the {@link PhaseTimeline} it returns
 * is an immutable snapshot of the phases completed so far.
 *
 * <p>Every phase that ends logs one INFO line with its duration, for example
 * {@code "Vault environment ns/release: install took 1.2s"} ({@code "failed after"} when {@link #time} saw the
 * work throw): the progress of a long bring-up, in one place.
 */
public final class PhaseRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(PhaseRecorder.class);

    private final Clock clock;
    private final Supplier<String> subject;
    private final List<PhaseTiming> completed = new ArrayList<>();
    private final Map<Phase, Instant> running = new LinkedHashMap<>();

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
        this(clock, () -> "");
    }

    /**
     * Creates a recorder that reads the system clock (UTC) and names what its phases belong to in its log lines.
     *
     * @param subject read when a phase ends, for example the environment's namespace and release; blank for none
     */
    public PhaseRecorder(Supplier<String> subject) {
        this(Clock.systemUTC(), subject);
    }

    /**
     * Creates a recorder that reads the given clock and names what its phases belong to in its log lines.
     *
     * @param clock the clock that stamps phase starts and ends
     * @param subject read when a phase ends, for example the environment's namespace and release; blank for none
     */
    public PhaseRecorder(Clock clock, Supplier<String> subject) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.subject = Objects.requireNonNull(subject, "subject");
    }

    /**
     * Starts a phase.
     *
     * @param phase the phase
     * @return a handle whose {@link Running#close()} ends the phase
     * @throws IllegalStateException when a phase of that name is already running
     */
    public synchronized Running begin(Phase phase) {
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
     * @param phase the name given to {@link #begin(Phase)}
     * @return the recorded timing
     * @throws IllegalStateException when no phase of that name is running
     */
    public synchronized PhaseTiming end(Phase phase) {
        return end(phase, false);
    }

    private synchronized PhaseTiming end(Phase phase, boolean failed) {
        Objects.requireNonNull(phase, "phase");
        Instant start = running.remove(phase);
        if (start == null) {
            throw new IllegalStateException("phase '" + phase + "' is not running; running phases: "
                    + running.keySet() + ". Call begin(\"" + phase + "\") first.");
        }
        Duration duration = Duration.between(start, clock.instant());
        PhaseTiming timing = new PhaseTiming(phase, start, duration.isNegative() ? Duration.ZERO : duration);
        completed.add(timing);
        String of = subject.get();
        LOG.info("{}{} {} {}", of == null || of.isBlank() ? "" : of + ": ", phase, failed ? "failed after" : "took",
                Durations.format(timing.duration()));
        return timing;
    }

    /**
     * Runs work as one phase and returns its result; the phase is recorded even when the work throws.
     *
     * @param phase the phase
     * @param work the work to time
     * @param <T> the result type
     * @return what {@code work} returned
     */
    public <T> T time(Phase phase, Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        Running running = begin(phase);
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            running.end(true);
            throw e;
        } finally {
            running.close();
        }
    }

    /**
     * Runs work without a result as one phase; the phase is recorded even when the work throws.
     *
     * @param phase the phase
     * @param work the work to time
     */
    public void time(Phase phase, Runnable work) {
        Objects.requireNonNull(work, "work");
        Running running = begin(phase);
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            running.end(true);
            throw e;
        } finally {
            running.close();
        }
    }

    /**
     * Returns the phases that began and have not ended yet, in the order they began; useful in
     * diagnostics when a bring-up times out.
     *
     * @return the running phases
     */
    public synchronized Set<Phase> runningPhases() {
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

        private final Phase phase;
        private boolean closed;

        private Running(Phase phase) {
            this.phase = phase;
        }

        /**
         * Returns the phase.
         *
         * @return the phase given to {@link PhaseRecorder#begin(Phase)}
         */
        public Phase phase() {
            return phase;
        }

        /** Ends the phase and records its timing. */
        @Override
        public void close() {
            end(false);
        }

        private void end(boolean failed) {
            synchronized (PhaseRecorder.this) {
                if (!closed) {
                    closed = true;
                    PhaseRecorder.this.end(phase, failed);
                }
            }
        }
    }
}
