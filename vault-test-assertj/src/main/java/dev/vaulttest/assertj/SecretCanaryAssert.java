package dev.vaulttest.assertj;

/**
 * Assertions on a {@link SecretCanary}; see {@link AbstractSecretCanaryAssert} for the methods. Extend
 * {@link AbstractSecretCanaryAssert} to add your own.
 */
public class SecretCanaryAssert extends AbstractSecretCanaryAssert<SecretCanaryAssert> {

    /**
     * Creates assertions on a canary. Prefer {@link VaultAssertions#assertThat(SecretCanary)}.
     *
     * @param actual the canary to check, may be {@code null} (assertions then fail)
     */
    public SecretCanaryAssert(SecretCanary actual) {
        super(actual, SecretCanaryAssert.class);
    }
}
