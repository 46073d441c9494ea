package dev.vaulttest.assertj;

import static dev.vaulttest.assertj.error.ShouldHaveRecovered.shouldHaveRecoveredWithin;
import static dev.vaulttest.assertj.error.ShouldHaveRecovered.shouldHaveStayedBroken;
import static dev.vaulttest.assertj.error.ShouldHaveRecovered.shouldHaveTakenEffect;

import dev.vaulttest.timing.RecoveryMeasurement;
import dev.vaulttest.timing.RecoveryMeasurement.Outcome;
import java.time.Duration;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what happened after a disruption ({@link RecoveryMeasurement}): the fault took effect, the
 * deployment recovered within a time, or stayed broken for at least a time.
 *
 * @param <SELF> the concrete assertion type, for chaining from subclasses
 */
public abstract class AbstractRecoveryMeasurementAssert<SELF extends AbstractRecoveryMeasurementAssert<SELF>>
        extends AbstractAssert<SELF, RecoveryMeasurement> {

    /**
     * Creates the assertion.
     *
     * @param actual the measurement to check
     * @param selfType the concrete assertion class
     */
    protected AbstractRecoveryMeasurementAssert(RecoveryMeasurement actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * Verifies that the condition held again, within the time (measured from when the disruption took effect).
     *
     * @param limit the allowed time
     * @return this assertion
     * @throws IllegalArgumentException when {@code limit} is null, zero or negative
     */
    public SELF recoveredWithin(Duration limit) {
        Arguments.requirePositive(limit, "recovery time limit");
        isNotNull();
        boolean recovered = actual.outcome() == Outcome.RECOVERED
                && actual.recoveredAfter().map(after -> after.compareTo(limit) <= 0).orElse(false);
        if (!recovered) {
            throwAssertionError(shouldHaveRecoveredWithin(actual, limit));
        }
        return myself;
    }

    /**
     * Verifies that the condition stayed false for at least the time: the measurement is
     * {@link Outcome#STAYED_BROKEN_AS_EXPECTED} or {@link Outcome#RECOVERED}, and the time until it held again (or,
     * without one, until the disruption was healed) is at least {@code minimum}.
     *
     * @param minimum the required time
     * @return this assertion
     * @throws IllegalArgumentException when {@code minimum} is null, zero or negative
     */
    public SELF stayedBrokenForAtLeast(Duration minimum) {
        Arguments.requirePositive(minimum, "minimum broken time");
        isNotNull();
        Optional<Duration> brokenFor = brokenFor(actual);
        boolean expectedOutcome = actual.outcome() == Outcome.STAYED_BROKEN_AS_EXPECTED
                || actual.outcome() == Outcome.RECOVERED;
        if (!expectedOutcome || brokenFor.map(d -> d.compareTo(minimum) < 0).orElse(true)) {
            throwAssertionError(shouldHaveStayedBroken(actual, minimum, brokenFor));
        }
        return myself;
    }

    /**
     * Verifies that the fault took effect, so the test tested something (not {@link Outcome#FAULT_NOT_EFFECTIVE}).
     *
     * @return this assertion
     */
    public SELF faultTookEffect() {
        isNotNull();
        if (actual.outcome() == Outcome.FAULT_NOT_EFFECTIVE) {
            throwAssertionError(shouldHaveTakenEffect(actual));
        }
        return myself;
    }

    /**
     * How long the condition was known not to hold: until it held again, until the last observation that saw it
     * not holding, or until the disruption was healed.
     */
    static Optional<Duration> brokenFor(RecoveryMeasurement m) {
        if (m.recoveredAfter().isPresent()) {
            return m.recoveredAfter();
        }
        if (m.observedBrokenFor().isPresent()) {
            return m.observedBrokenFor();
        }
        return m.healedAt().map(healed -> Duration.between(m.appliedAt(), healed));
    }
}
