package dev.vaulttest.assertj;

import static dev.vaulttest.assertj.error.ShouldHaveRecoveredFromDisruption.shouldBeHealed;
import static dev.vaulttest.assertj.error.ShouldHaveRecoveredFromDisruption.shouldHaveMeasurement;
import static dev.vaulttest.assertj.error.ShouldHaveRecoveredFromDisruption.shouldHaveRecoveredWithin;
import static dev.vaulttest.assertj.error.ShouldHaveRecoveredFromDisruption.shouldHaveStayedBroken;
import static dev.vaulttest.assertj.error.ShouldHaveRecoveredFromDisruption.shouldHaveTakenEffect;

import dev.vaulttest.chaos.Disruption;
import dev.vaulttest.timing.RecoveryMeasurement;
import dev.vaulttest.timing.RecoveryMeasurement.Outcome;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a chaos {@link Disruption} handle and the recoveries measured on it. Failures show how the fault
 * was verified and every measurement.
 *
 * <pre>{@code
 * try (PodDeletion deletion = chaos.deleteActive()) {
 *     deletion.recovery().awaitWithin(deletion.newLeader(), Duration.ofSeconds(30));
 *     assertThat(deletion).tookEffect().recoveredWithin(Duration.ofSeconds(30));
 * }
 * }</pre>
 *
 * @param <SELF> the concrete assertion type, for chaining from subclasses
 */
public abstract class AbstractDisruptionAssert<SELF extends AbstractDisruptionAssert<SELF>>
        extends AbstractAssert<SELF, Disruption> {

    /**
     * Creates the assertion.
     *
     * @param actual the handle to check
     * @param selfType the concrete assertion class
     */
    protected AbstractDisruptionAssert(Disruption actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * Verifies that no measurement on the handle says the fault did not take effect. (A handle is only returned
     * once its fault was verified, so this documents the test more than it can fail.)
     *
     * @return this assertion
     */
    public SELF tookEffect() {
        isNotNull();
        List<RecoveryMeasurement> notEffective = actual.measurements().stream()
                .filter(m -> m.outcome() == Outcome.FAULT_NOT_EFFECTIVE).toList();
        if (!notEffective.isEmpty()) {
            throwAssertionError(shouldHaveTakenEffect(actual, notEffective));
        }
        return myself;
    }

    /**
     * Verifies that the disruption was healed ({@link Disruption#close()} was called and recorded a time).
     *
     * @return this assertion
     */
    public SELF isHealed() {
        isNotNull();
        if (actual.healedAt().isEmpty()) {
            throwAssertionError(shouldBeHealed(actual));
        }
        return myself;
    }

    /**
     * Verifies that at least one recovery was measured and that every measurement is a recovery within the time
     * (a stays-broken check in between fails it: use {@link #stayedBrokenForAtLeast(Duration)} for those).
     *
     * @param limit the allowed time, from when the disruption took effect
     * @return this assertion
     * @throws IllegalArgumentException when {@code limit} is null, zero or negative
     */
    public SELF recoveredWithin(Duration limit) {
        Arguments.requirePositive(limit, "recovery time limit");
        isNotNull();
        List<RecoveryMeasurement> offenders = actual.measurements().stream()
                .filter(m -> m.outcome() != Outcome.RECOVERED
                        || m.recoveredAfter().map(after -> after.compareTo(limit) > 0).orElse(true))
                .toList();
        if (actual.measurements().isEmpty() || !offenders.isEmpty()) {
            throwAssertionError(shouldHaveRecoveredWithin(actual, limit, offenders));
        }
        return myself;
    }

    /**
     * Verifies that some measurement shows the condition not holding for at least the time: a recovery that took
     * that long, or a stays-broken measurement whose heal or recovery time is that late.
     *
     * @param minimum the required time, from when the disruption took effect
     * @return this assertion
     * @throws IllegalArgumentException when {@code minimum} is null, zero or negative
     */
    public SELF stayedBrokenForAtLeast(Duration minimum) {
        Arguments.requirePositive(minimum, "minimum broken time");
        isNotNull();
        boolean shown = actual.measurements().stream()
                .filter(m -> m.outcome() == Outcome.RECOVERED || m.outcome() == Outcome.STAYED_BROKEN_AS_EXPECTED)
                .map(AbstractRecoveryMeasurementAssert::brokenFor)
                .anyMatch(broken -> broken.map(d -> d.compareTo(minimum) >= 0).orElse(false));
        if (!shown) {
            throwAssertionError(shouldHaveStayedBroken(actual, minimum));
        }
        return myself;
    }

    /**
     * Navigates to the last measurement recorded on the handle. In {@link VaultSoftAssertions} the returned
     * assertion fails at once rather than collecting.
     *
     * @return assertions on that measurement
     */
    public RecoveryMeasurementAssert lastMeasurement() {
        isNotNull();
        List<RecoveryMeasurement> measurements = actual.measurements();
        if (measurements.isEmpty()) {
            throwAssertionError(shouldHaveMeasurement(actual));
        }
        return new RecoveryMeasurementAssert(measurements.get(measurements.size() - 1));
    }
}
