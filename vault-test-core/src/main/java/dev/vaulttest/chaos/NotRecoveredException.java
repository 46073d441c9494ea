package dev.vaulttest.chaos;

import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.timing.RecoveryMeasurement;
import java.util.Objects;

/**
 * The deployment did not reach the awaited condition within the allowed time after a disruption. The
 * {@code DID_NOT_RECOVER} measurement was recorded on the disruption and sent to the report listener.
 */
public final class NotRecoveredException extends VaultTestException {

    private static final long serialVersionUID = 1L;

    /** The measurement that was recorded; not serializable, hence transient. */
    private final transient RecoveryMeasurement measurement;

    /**
     * Creates the exception.
     *
     * @param measurement the {@code DID_NOT_RECOVER} measurement
     * @param message what was awaited, for how long, and the last observed state
     * @param cause the wait's timeout
     */
    public NotRecoveredException(RecoveryMeasurement measurement, String message, Throwable cause) {
        super(message, cause);
        this.measurement = Objects.requireNonNull(measurement, "measurement");
    }

    /**
     * The measurement that was recorded.
     *
     * @return the {@code DID_NOT_RECOVER} measurement
     */
    public RecoveryMeasurement measurement() {
        return measurement;
    }
}
