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
 * <p>Produced by a {@link PhaseRecorder}; phases are ordered by start time (phases that started at the
 * same instant keep the order in which they were recorded). A phase name may appear more than once, for
 * example when a deployment is rebuilt.
 *
 * @param phases the timings, ordered by start
 */
public record PhaseTimeline(List<PhaseTiming> phases) {

    /** Starting the Kubernetes cluster (k3s container or connecting to an existing one). */
    public static final String CLUSTER = "cluster";
    /** Making the container images available to the cluster. */
    public static final String IMAGES = "images";
    /** Installing (or upgrading) the Helm release. */
    public static final String INSTALL = "install";
    /** Waiting until every Vault pod is running. */
    public static final String PODS_RUNNING = "pods-running";
    /** Initialising Vault. */
    public static final String INIT = "init";
    /** Unsealing the Vault nodes (or waiting for auto-unseal). */
    public static final String UNSEAL = "unseal";
    /** Joining the standby nodes to the raft cluster. */
    public static final String JOIN = "join";
    /** Waiting for the ready gate: all unsealed, one active, every voter present, write and read work. */
    public static final String READY = "ready";

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
     * @param phase the phase name, for example {@link #UNSEAL}
     * @return the timing, or empty when the phase was not recorded
     */
    public Optional<PhaseTiming> find(String phase) {
        return phases.stream().filter(timing -> timing.phase().equals(phase)).findFirst();
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
}
