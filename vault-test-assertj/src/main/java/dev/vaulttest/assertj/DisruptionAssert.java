package dev.vaulttest.assertj;

import dev.vaulttest.chaos.Disruption;

/**
 * Assertions on a chaos {@link Disruption}; see {@link AbstractDisruptionAssert} for the methods. Extend
 * {@link AbstractDisruptionAssert} to add your own.
 */
public class DisruptionAssert extends AbstractDisruptionAssert<DisruptionAssert> {

    /**
     * Creates assertions on a disruption handle. Prefer {@link VaultAssertions#assertThat(Disruption)}.
     *
     * @param actual the handle to check, may be {@code null} (assertions then fail)
     */
    public DisruptionAssert(Disruption actual) {
        super(actual, DisruptionAssert.class);
    }
}
