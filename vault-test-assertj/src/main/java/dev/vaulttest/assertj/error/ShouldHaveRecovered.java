package dev.vaulttest.assertj.error;

import dev.vaulttest.timing.RecoveryMeasurement;
import dev.vaulttest.timing.RecoveryMeasurement.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the messages about a disruption's {@link RecoveryMeasurement}: recovered within a time, stayed broken for
 * at least a time, took effect at all.
 */
public class ShouldHaveRecovered extends VaultErrorMessage {

    private ShouldHaveRecovered(RecoveryMeasurement measurement, String expectation, String problem,
            List<String> hints) {
        super(subject(measurement), expectation, problem, "", hints);
    }

    /**
     * The condition should have held again within a time.
     *
     * @param measurement the measurement
     * @param limit the allowed time
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveRecoveredWithin(RecoveryMeasurement measurement, Duration limit) {
        String problem = switch (measurement.outcome()) {
            case RECOVERED -> "it took " + measurement.recoveredAfter().map(Seconds::of).orElse("an unknown time");
            case DID_NOT_RECOVER -> "it did not recover" + detail(measurement);
            case STAYED_BROKEN_AS_EXPECTED -> "it was measured as staying broken (" + measurement.outcome() + ")"
                    + detail(measurement);
            case FAULT_NOT_EFFECTIVE -> "the fault did not take effect, so nothing was tested" + detail(measurement);
        };
        return new ShouldHaveRecovered(measurement, "to recover ('" + measurement.condition() + "' to hold again) within "
                + Seconds.of(limit), problem, List.of());
    }

    /**
     * The condition should have stayed false for at least a time.
     *
     * @param measurement the measurement
     * @param minimum the required time
     * @param brokenFor how long it was broken, or empty when the measurement does not say
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveStayedBroken(RecoveryMeasurement measurement, Duration minimum,
            Optional<Duration> brokenFor) {
        String problem;
        if (measurement.outcome() == Outcome.FAULT_NOT_EFFECTIVE) {
            problem = "the fault did not take effect, so nothing was tested" + detail(measurement);
        } else if (measurement.outcome() == Outcome.DID_NOT_RECOVER) {
            problem = "it was measured as a failed recovery (" + measurement.outcome() + ")" + detail(measurement);
        } else if (brokenFor.isEmpty()) {
            problem = "the measurement does not say for how long: it has no heal time, recovery time or observed broken time"
                    + detail(measurement);
        } else if (measurement.recoveredAfter().isEmpty() && measurement.observedBrokenFor().isPresent()) {
            problem = "'" + measurement.condition() + "' was watched not holding for only "
                    + Seconds.of(brokenFor.get()) + detail(measurement);
        } else {
            problem = "'" + measurement.condition() + "' held again after " + Seconds.of(brokenFor.get())
                    + detail(measurement);
        }
        return new ShouldHaveRecovered(measurement, "to stay broken ('" + measurement.condition()
                + "' not holding) for at least " + Seconds.of(minimum), problem, List.of());
    }

    /**
     * The fault should have taken effect.
     *
     * @param measurement the measurement
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveTakenEffect(RecoveryMeasurement measurement) {
        return new ShouldHaveRecovered(measurement, "to take effect ('" + measurement.condition()
                + "' should have stopped holding)", "it did not, so nothing was tested" + detail(measurement),
                List.of("a fault that does not take effect usually means the cluster does not enforce it, for"
                        + " example a NetworkPolicy on a CNI without policy support"));
    }

    private static String subject(RecoveryMeasurement m) {
        return "disruption " + m.disruption() + " of " + m.target() + " (applied at " + m.appliedAt()
                + m.healedAt().map(h -> ", healed at " + h).orElse("") + ")";
    }

    private static String detail(RecoveryMeasurement m) {
        return m.detail().isBlank() ? "" : ": " + m.detail();
    }
}
