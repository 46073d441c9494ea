package dev.vaulttest.timing;

import dev.vaulttest.internal.Redactor;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened after one disruption: whether the deployment reached a named condition again, and how
 * long that took.
 *
 * <p>{@code detail} is free text; it is redacted on construction, so a secret that slipped into it never
 * reaches {@link #toString()} or a report.
 *
 * @param disruption the kind of disruption, a short stable id such as {@code delete-pod},
 *     {@code delete-pvc}, {@code block-kms}; the report groups recovery times by it
 * @param target what was disrupted, for example {@code pod/vault-0} or {@code networkpolicy/deny-kms}
 * @param appliedAt when the disruption took effect
 * @param healedAt when the disruption was healed (handle closed), empty when it heals by itself or was
 *     never healed; not before {@code appliedAt}
 * @param condition the condition waited for, for example {@code ready gate}, {@code unsealed},
 *     {@code new leader}, {@code login succeeds}
 * @param recoveredAfter the time from {@code appliedAt} until the condition held; present for
 *     {@link Outcome#RECOVERED}, absent for {@link Outcome#DID_NOT_RECOVER} and
 *     {@link Outcome#FAULT_NOT_EFFECTIVE}, optional for {@link Outcome#STAYED_BROKEN_AS_EXPECTED} (the
 *     recovery after healing, when it was measured)
 * @param outcome how it ended
 * @param detail a human explanation, for example the last observed state on timeout; may be empty
 * @param observedBrokenFor for {@link Outcome#STAYED_BROKEN_AS_EXPECTED}: the time from {@code appliedAt} to the
 *     last observation that saw the condition not holding, when the test watched it (a disruption that heals by
 *     itself, such as a deleted pod, has no heal time to tell how long it was broken); empty otherwise
 */
public record RecoveryMeasurement(
        String disruption,
        String target,
        Instant appliedAt,
        Optional<Instant> healedAt,
        String condition,
        Optional<Duration> recoveredAfter,
        Outcome outcome,
        String detail,
        Optional<Duration> observedBrokenFor) {

    /** How a disruption ended. */
    public enum Outcome {
        /** The condition held again within the allowed time. */
        RECOVERED,
        /** The test expected the deployment to stay broken for a while, and it did. */
        STAYED_BROKEN_AS_EXPECTED,
        /** The condition did not hold again within the allowed time. */
        DID_NOT_RECOVER,
        /** The fault was applied but did not take effect, so nothing was tested. */
        FAULT_NOT_EFFECTIVE;

        /**
         * Tells whether this outcome means the test did not get what it asked for.
         *
         * @return {@code true} for {@link #DID_NOT_RECOVER} and {@link #FAULT_NOT_EFFECTIVE}
         */
        public boolean isProblem() {
            return this == DID_NOT_RECOVER || this == FAULT_NOT_EFFECTIVE;
        }
    }

    /**
     * Validates the components, checks that they agree with the outcome, and redacts {@code detail}.
     *
     * @param disruption the kind of disruption
     * @param target what was disrupted
     * @param appliedAt when the disruption took effect
     * @param healedAt when it was healed, or empty
     * @param condition the condition waited for
     * @param recoveredAfter the time from {@code appliedAt} until the condition held, or empty
     * @param outcome how it ended
     * @param detail a human explanation; redacted
     * @param observedBrokenFor how long the condition was watched not holding; only for
     *     {@link Outcome#STAYED_BROKEN_AS_EXPECTED}
     */
    public RecoveryMeasurement {
        requireText(disruption, "disruption");
        requireText(target, "target");
        Objects.requireNonNull(appliedAt, "appliedAt");
        Objects.requireNonNull(healedAt, "healedAt");
        requireText(condition, "condition");
        Objects.requireNonNull(recoveredAfter, "recoveredAfter");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        healedAt.ifPresent(healed -> {
            if (healed.isBefore(appliedAt)) {
                throw new IllegalArgumentException("healedAt (" + healed + ") of " + disruption + " on " + target
                        + " is before appliedAt (" + appliedAt + "); stamp both from one clock");
            }
        });
        recoveredAfter.ifPresent(after -> {
            if (after.isNegative()) {
                throw new IllegalArgumentException("recoveredAfter of " + disruption + " on " + target
                        + " must not be negative; got " + after);
            }
        });
        if (outcome == Outcome.RECOVERED && recoveredAfter.isEmpty()) {
            throw new IllegalArgumentException("outcome RECOVERED of " + disruption + " on " + target
                    + " needs recoveredAfter: how long after appliedAt '" + condition + "' held");
        }
        if (outcome.isProblem() && recoveredAfter.isPresent()) {
            throw new IllegalArgumentException("outcome " + outcome + " of " + disruption + " on " + target
                    + " cannot have recoveredAfter (" + recoveredAfter.get() + "); use RECOVERED if '"
                    + condition + "' held");
        }
        Objects.requireNonNull(observedBrokenFor, "observedBrokenFor");
        if (observedBrokenFor.isPresent() && outcome != Outcome.STAYED_BROKEN_AS_EXPECTED) {
            throw new IllegalArgumentException("observedBrokenFor of " + disruption + " on " + target
                    + " belongs to outcome STAYED_BROKEN_AS_EXPECTED, not " + outcome);
        }
        observedBrokenFor.ifPresent(broken -> {
            if (broken.isNegative()) {
                throw new IllegalArgumentException("observedBrokenFor of " + disruption + " on " + target
                        + " must not be negative; got " + broken);
            }
        });
        detail = Redactor.redact(detail);
    }

    /**
     * A measurement that says nothing of how long the condition was watched not holding.
     *
     * @param disruption the kind of disruption
     * @param target what was disrupted
     * @param appliedAt when the disruption took effect
     * @param healedAt when it was healed, or empty
     * @param condition the condition waited for
     * @param recoveredAfter the time from {@code appliedAt} until the condition held, or empty
     * @param outcome how it ended
     * @param detail a human explanation; redacted
     */
    public RecoveryMeasurement(String disruption, String target, Instant appliedAt, Optional<Instant> healedAt,
            String condition, Optional<Duration> recoveredAfter, Outcome outcome, String detail) {
        this(disruption, target, appliedAt, healedAt, condition, recoveredAfter, outcome, detail, Optional.empty());
    }

    /**
     * Creates the measurement of a disruption after which the condition held again.
     *
     * @param disruption the kind of disruption, for example {@code delete-pod}
     * @param target what was disrupted
     * @param appliedAt when the disruption took effect
     * @param healedAt when it was healed, or empty
     * @param condition the condition that held again
     * @param recoveredAfter the time from {@code appliedAt} until the condition held
     * @return the measurement
     */
    public static RecoveryMeasurement recovered(String disruption, String target, Instant appliedAt,
            Optional<Instant> healedAt, String condition, Duration recoveredAfter) {
        return new RecoveryMeasurement(disruption, target, appliedAt, healedAt, condition,
                Optional.of(recoveredAfter), Outcome.RECOVERED, "");
    }

    /**
     * Creates the measurement of a disruption after which the condition did not hold in time.
     *
     * @param disruption the kind of disruption, for example {@code delete-pod}
     * @param target what was disrupted
     * @param appliedAt when the disruption took effect
     * @param healedAt when it was healed, or empty
     * @param condition the condition waited for
     * @param detail what was last observed
     * @return the measurement
     */
    public static RecoveryMeasurement didNotRecover(String disruption, String target, Instant appliedAt,
            Optional<Instant> healedAt, String condition, String detail) {
        return new RecoveryMeasurement(disruption, target, appliedAt, healedAt, condition,
                Optional.empty(), Outcome.DID_NOT_RECOVER, detail);
    }

    /**
     * Creates the measurement of a disruption that kept the condition from holding for as long as the
     * test required, as it expected.
     *
     * @param disruption the kind of disruption, for example {@code block-kms}
     * @param target what was disrupted
     * @param appliedAt when the disruption took effect
     * @param healedAt when it was healed, or empty
     * @param condition the condition that stayed false
     * @param detail what was observed, for example "sealed for 60 s"
     * @return the measurement
     */
    public static RecoveryMeasurement stayedBroken(String disruption, String target, Instant appliedAt,
            Optional<Instant> healedAt, String condition, String detail) {
        return new RecoveryMeasurement(disruption, target, appliedAt, healedAt, condition,
                Optional.empty(), Outcome.STAYED_BROKEN_AS_EXPECTED, detail);
    }

    /**
     * Creates the measurement of a disruption that the test watched keep the condition from holding.
     *
     * @param disruption the kind of disruption, for example {@code delete-pod}
     * @param target what was disrupted
     * @param appliedAt when the disruption took effect
     * @param healedAt when it was healed, or empty
     * @param condition the condition that stayed false
     * @param observedBrokenFor the time from {@code appliedAt} to the last observation of the condition not holding
     * @param detail what was observed
     * @return the measurement
     */
    public static RecoveryMeasurement stayedBroken(String disruption, String target, Instant appliedAt,
            Optional<Instant> healedAt, String condition, Duration observedBrokenFor, String detail) {
        return new RecoveryMeasurement(disruption, target, appliedAt, healedAt, condition,
                Optional.empty(), Outcome.STAYED_BROKEN_AS_EXPECTED, detail, Optional.of(observedBrokenFor));
    }

    /**
     * Creates the measurement of a disruption that was applied but did not take effect.
     *
     * @param disruption the kind of disruption, for example {@code block-apiserver}
     * @param target what was disrupted
     * @param appliedAt when the disruption was applied
     * @param condition the condition that should have become false
     * @param detail how the verification saw that nothing changed, for example "NetworkPolicy not enforced"
     * @return the measurement
     */
    public static RecoveryMeasurement faultNotEffective(String disruption, String target, Instant appliedAt,
            String condition, String detail) {
        return new RecoveryMeasurement(disruption, target, appliedAt, Optional.empty(), condition,
                Optional.empty(), Outcome.FAULT_NOT_EFFECTIVE, detail);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " of a recovery measurement must not be blank");
        }
    }
}
