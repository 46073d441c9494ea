package dev.vaulttest.chaos;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.base.WaitTimeoutException;
import dev.vaulttest.chaos.Disruption.Recovery;
import dev.vaulttest.chaos.Disruption.Verification;
import dev.vaulttest.internal.Wait;
import dev.vaulttest.timing.RecoveryMeasurement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every disruption handle shares: timestamps, the verification, measurements, idempotent healing, and the
 * "verify or heal and throw" step of applying.
 */
abstract class AbstractDisruption implements Disruption {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractDisruption.class);

    final VaultEnvironment env;
    final ChaosOptions options;
    private final String kind;
    private final String target;
    private final List<RecoveryMeasurement> measurements = new ArrayList<>();
    private Instant appliedAt;
    private Instant healedAt;
    private Verification verification;
    private boolean closed;

    AbstractDisruption(VaultEnvironment env, ChaosOptions options, String kind, String target) {
        this.env = Objects.requireNonNull(env, "env");
        this.options = Objects.requireNonNull(options, "options");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public synchronized Instant appliedAt() {
        if (appliedAt == null) {
            throw new IllegalStateException(kind + " on " + target + " has not been applied yet");
        }
        return appliedAt;
    }

    @Override
    public synchronized Optional<Instant> healedAt() {
        return Optional.ofNullable(healedAt);
    }

    @Override
    public synchronized Verification verification() {
        if (verification == null) {
            throw new IllegalStateException(kind + " on " + target + " has not been verified yet");
        }
        return verification;
    }

    @Override
    public Recovery recovery() {
        return new Recovery(this, env, options);
    }

    @Override
    public synchronized List<RecoveryMeasurement> measurements() {
        return List.copyOf(measurements);
    }

    /** Heals; idempotent. Subclasses implement {@link #heal()}. */
    @Override
    public final void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        Optional<Instant> healed = heal();
        synchronized (this) {
            if (healed.isPresent()) {
                healedAt = healed.get();
            }
        }
        healed.ifPresent(at -> LOG.info("Healed {} on {} at {}", kind, target, at));
    }

    /**
     * Undoes the fault, if it can be undone, and says when it was undone.
     *
     * @return when the fault was healed; empty when there was nothing to heal
     */
    Optional<Instant> heal() {
        return Optional.empty();
    }

    /** Records a measurement on this handle and passes it to the listener. */
    void record(RecoveryMeasurement measurement) {
        synchronized (this) {
            measurements.add(measurement);
        }
        try {
            options.measurementListener().accept(measurement);
        } catch (RuntimeException e) {
            LOG.warn("The measurement listener failed on {}: {}", measurement.disruption(), e.getMessage());
        }
    }

    Instant now() {
        return options.clock().instant();
    }

    synchronized void markApplied(Instant at) {
        this.appliedAt = Objects.requireNonNull(at, "at");
        LOG.info("Applied {} on {} at {}", kind, target, at);
    }

    /** Records a heal that happened as part of applying (a reboot's start). */
    synchronized void markHealed(Instant at) {
        this.healedAt = Objects.requireNonNull(at, "at");
    }

    synchronized void markVerified(String expected, String observed) {
        this.verification = new Verification(expected, observed, now());
        LOG.debug("Verified {} on {}: {}", kind, target, observed);
    }

    /**
     * Waits until the fault shows; on timeout records {@code FAULT_NOT_EFFECTIVE}, heals and throws.
     *
     * @param expected what must be seen, in words
     * @param timeout how long to wait
     * @param probe observes the state
     * @param done whether the state shows the fault
     * @param describer renders a state
     * @param advice what to do when the fault does not show
     * @param <T> the state type
     * @return the state that showed the fault
     */
    <T> T verifyWithin(String expected, Duration timeout, Supplier<? extends T> probe, Predicate<? super T> done,
            Function<? super T, String> describer, String advice) {
        T seen;
        try {
            seen = Wait.until(kind + " on " + target + ": " + expected, timeout, options.pollInterval(), probe, done,
                    describer);
        } catch (WaitTimeoutException timedOut) {
            throw notEffective(expected, timedOut.lastObserved() + " (after " + timedOut.elapsed().toSeconds() + " s)",
                    advice);
        }
        markVerified(expected, describer.apply(seen));
        return seen;
    }

    /**
     * Records {@code FAULT_NOT_EFFECTIVE}, heals what was applied, and returns the exception to throw.
     *
     * @param expected what should have been seen
     * @param observed what was seen
     * @param advice what to do
     * @return the exception
     */
    FaultNotEffectiveException notEffective(String expected, String observed, String advice) {
        RecoveryMeasurement measurement = notEffectiveMeasurement(expected, observed);
        healAfterFailedVerification();
        return new FaultNotEffectiveException(measurement, expected, observed, advice);
    }

    RecoveryMeasurement notEffectiveMeasurement(String expected, String observed) {
        Instant applied;
        synchronized (this) {
            applied = appliedAt != null ? appliedAt : now();
        }
        RecoveryMeasurement measurement = RecoveryMeasurement.faultNotEffective(kind, target, applied,
                "fault in effect: " + expected, "expected " + expected + ", saw " + observed);
        record(measurement);
        return measurement;
    }

    void healAfterFailedVerification() {
        try {
            close();
        } catch (RuntimeException e) {
            LOG.warn("Could not heal {} on {} after its verification failed: {}", kind, target, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + kind + " on " + target + "]";
    }
}
