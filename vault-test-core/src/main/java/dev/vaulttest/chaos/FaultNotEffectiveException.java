package dev.vaulttest.chaos;

import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.timing.RecoveryMeasurement;
import java.util.Objects;

/**
 * A disruption was applied but did not take effect, so a test built on it would prove nothing. The message says
 * what was expected, what was seen and what to do. Whatever the disruption had applied was healed before this
 * was thrown.
 */
public class FaultNotEffectiveException extends VaultTestException {

    private static final long serialVersionUID = 1L;

    /** The measurement recorded for the failed verification; not serializable, hence transient. */
    private final transient RecoveryMeasurement measurement;
    /** What should have been seen. */
    private final String expected;
    /** What was seen instead. */
    private final String observed;

    /**
     * Creates the exception.
     *
     * @param measurement the {@code FAULT_NOT_EFFECTIVE} measurement recorded for it
     * @param expected what should have been seen once the fault took effect
     * @param observed what was seen instead
     * @param advice what to do about it; may be empty
     */
    public FaultNotEffectiveException(RecoveryMeasurement measurement, String expected, String observed,
            String advice) {
        super(message(measurement, expected, observed, advice));
        this.measurement = Objects.requireNonNull(measurement, "measurement");
        this.expected = expected;
        this.observed = observed;
    }

    private static String message(RecoveryMeasurement measurement, String expected, String observed, String advice) {
        return measurement.disruption() + " on " + measurement.target() + " did not take effect: expected "
                + expected + ", but saw " + observed + "." + (advice == null || advice.isBlank() ? "" : " " + advice);
    }

    /**
     * The {@code FAULT_NOT_EFFECTIVE} measurement that was recorded (and sent to the report listener).
     *
     * @return the measurement
     */
    public RecoveryMeasurement measurement() {
        return measurement;
    }

    /**
     * What should have been seen once the fault took effect.
     *
     * @return the expectation, in words
     */
    public String expected() {
        return expected;
    }

    /**
     * What was seen instead.
     *
     * @return the observation, in words
     */
    public String observed() {
        return observed;
    }
}
