package dev.vaulttest.chaos;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.base.WaitTimeoutException;
import dev.vaulttest.internal.Wait;
import dev.vaulttest.timing.RecoveryMeasurement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A disruption that was applied and verified to have taken effect. {@link #close()} heals what can be healed
 * (a pod deletion heals itself; a NetworkPolicy is deleted; the KMS is made reachable) and is idempotent, so a
 * handle belongs in try-with-resources.
 */
public interface Disruption extends AutoCloseable {

    /**
     * The kind of disruption, a short stable id such as {@code delete-pod} or {@code block-apiserver}; reports
     * group recovery times by it.
     *
     * @return the kind
     */
    String kind();

    /**
     * What was disrupted, for example {@code pod/vault-0} or {@code networkpolicy/vt-block-apiserver}.
     *
     * @return the target
     */
    String target();

    /**
     * When the disruption was applied; recovery times count from here.
     *
     * @return the time
     */
    Instant appliedAt();

    /**
     * When the disruption was healed by {@link #close()}.
     *
     * @return the time; empty before closing, and for disruptions that heal by themselves or cannot be healed
     */
    Optional<Instant> healedAt();

    /**
     * What showed that the fault took effect.
     *
     * @return the verification
     */
    Verification verification();

    /**
     * Waits for and times recoveries from this disruption.
     *
     * @return the recovery helper, bound to this disruption
     */
    Recovery recovery();

    /**
     * Every recovery measurement recorded against this disruption, in order.
     *
     * @return the measurements
     */
    List<RecoveryMeasurement> measurements();

    /**
     * Heals what can be healed and records when. Idempotent; a second call does nothing.
     */
    @Override
    void close();

    /**
     * How a disruption showed that it took effect.
     *
     * @param expected what had to be seen, for example {@code pod vault-0 gone (no pod with UID 1234)}
     * @param observed what was seen
     * @param verifiedAt when it was seen
     */
    public record Verification(String expected, String observed, Instant verifiedAt) {

        /**
         * Validates the components.
         *
         * @param expected what had to be seen
         * @param observed what was seen
         * @param verifiedAt when it was seen
         */
        public Verification {
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(observed, "observed");
            Objects.requireNonNull(verifiedAt, "verifiedAt");
        }
    }

    /**
     * Waits for a named condition after a disruption and records how long it took, or checks that the condition
     * stays false for a while. Every outcome becomes a {@link RecoveryMeasurement} on the disruption (and goes to
     * the report listener), including failures.
     *
     * <pre>{@code
     * try (PodDeletion deletion = chaos.deletePods(PodTarget.active(), Grace.IMMEDIATE)) {
     *     deletion.recovery().awaitWithin(RecoveryProbe.activeNode(), Duration.ofSeconds(30));
     * }
     * }</pre>
     */
    public static final class Recovery {

        private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

        private final AbstractDisruption disruption;
        private final VaultEnvironment env;
        private final ChaosOptions options;

        Recovery(AbstractDisruption disruption, VaultEnvironment env, ChaosOptions options) {
            this.disruption = disruption;
            this.env = env;
            this.options = options;
        }

        /**
         * Waits, up to the default recovery timeout, until the condition holds.
         *
         * @param probe the condition
         * @return the {@code RECOVERED} measurement, timed from {@link Disruption#appliedAt()}
         * @throws NotRecoveredException when it did not hold in time
         */
        public RecoveryMeasurement await(RecoveryProbe probe) {
            return awaitWithin(probe, options.recoveryTimeout());
        }

        /**
         * Waits until the condition holds: "this recovers within N seconds". The time allowed counts from now; the
         * recovery time in the measurement counts from {@link Disruption#appliedAt()}.
         *
         * @param probe the condition
         * @param timeout how long to wait from now
         * @return the {@code RECOVERED} measurement
         * @throws NotRecoveredException when it did not hold in time; a {@code DID_NOT_RECOVER} measurement was recorded
         */
        public RecoveryMeasurement awaitWithin(RecoveryProbe probe, Duration timeout) {
            Objects.requireNonNull(probe, "probe");
            Objects.requireNonNull(timeout, "timeout");
            String waitName = "'" + probe.name() + "' after " + disruption.kind() + " on " + disruption.target();
            try {
                Wait.until(waitName, timeout, options.pollInterval(), () -> probe.observe(env),
                        RecoveryProbe.Observation::holds, RecoveryProbe.Observation::state);
            } catch (WaitTimeoutException timedOut) {
                RecoveryMeasurement measurement = RecoveryMeasurement.didNotRecover(disruption.kind(), disruption.target(),
                        disruption.appliedAt(), disruption.healedAt(), probe.name(),
                        "not within " + timeout.toSeconds() + " s; last observed: " + timedOut.lastObserved());
                disruption.record(measurement);
                throw new NotRecoveredException(measurement, disruption.kind() + " on " + disruption.target()
                        + ": '" + probe.name() + "' did not hold within " + timeout.toSeconds() + " s. Last observed: "
                        + timedOut.lastObserved(), timedOut);
            }
            Instant heldAt = options.clock().instant();
            Duration after = Duration.between(disruption.appliedAt(), heldAt);
            if (after.isNegative()) {
                after = Duration.ZERO;
            }
            RecoveryMeasurement measurement = RecoveryMeasurement.recovered(disruption.kind(), disruption.target(),
                    disruption.appliedAt(), disruption.healedAt(), probe.name(), after);
            disruption.record(measurement);
            LOG.info("{} on {}: '{}' held {} ms after the disruption", disruption.kind(), disruption.target(),
                    probe.name(), after.toMillis());
            return measurement;
        }

        /**
         * Checks that the condition stays false for the whole duration, counted from now: "this stays broken for at
         * least N seconds". Fails as soon as the condition holds.
         *
         * @param probe the condition that must not hold
         * @param duration how long it must stay false
         * @return the {@code STAYED_BROKEN_AS_EXPECTED} measurement
         * @throws RecoveredTooSoonException when the condition held earlier; the message has what was observed
         */
        public RecoveryMeasurement staysBrokenFor(RecoveryProbe probe, Duration duration) {
            Objects.requireNonNull(probe, "probe");
            Objects.requireNonNull(duration, "duration");
            String waitName = "'" + probe.name() + "' to stay false after " + disruption.kind() + " on "
                    + disruption.target();
            Instant start = options.clock().instant();
            RecoveryProbe.Observation held;
            try {
                held = Wait.until(waitName, duration, options.pollInterval(), () -> probe.observe(env),
                        RecoveryProbe.Observation::holds, RecoveryProbe.Observation::state);
            } catch (WaitTimeoutException stayedBroken) {
                // Watched from start for the whole wait: broken from when the fault took effect until the wait ended.
                Duration brokenFor = Duration.between(disruption.appliedAt(), start).plus(stayedBroken.elapsed());
                RecoveryMeasurement measurement = RecoveryMeasurement.stayedBroken(disruption.kind(), disruption.target(),
                        disruption.appliedAt(), disruption.healedAt(), probe.name(), brokenFor,
                        "did not hold for " + stayedBroken.elapsed().toSeconds() + " s; last observed: "
                                + stayedBroken.lastObserved());
                disruption.record(measurement);
                return measurement;
            }
            Duration heldAfter = Duration.between(start, options.clock().instant());
            throw new RecoveredTooSoonException(disruption.kind() + " on " + disruption.target() + ": '" + probe.name()
                    + "' was expected to stay false for " + duration.toSeconds() + " s but held after "
                    + heldAfter.toMillis() + " ms. Observed: " + held.state(), heldAfter);
        }
    }
}
