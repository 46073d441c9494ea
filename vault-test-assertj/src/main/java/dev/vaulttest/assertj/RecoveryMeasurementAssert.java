package dev.vaulttest.assertj;

import dev.vaulttest.timing.RecoveryMeasurement;

/**
 * Assertions on a {@link RecoveryMeasurement}; see {@link AbstractRecoveryMeasurementAssert} for the methods. Extend
 * {@link AbstractRecoveryMeasurementAssert} to add your own.
 */
public class RecoveryMeasurementAssert extends AbstractRecoveryMeasurementAssert<RecoveryMeasurementAssert> {

    /**
     * Creates assertions on a measurement. Prefer {@link VaultAssertions#assertThat(RecoveryMeasurement)}.
     *
     * @param actual the measurement to check, may be {@code null} (assertions then fail)
     */
    public RecoveryMeasurementAssert(RecoveryMeasurement actual) {
        super(actual, RecoveryMeasurementAssert.class);
    }
}
