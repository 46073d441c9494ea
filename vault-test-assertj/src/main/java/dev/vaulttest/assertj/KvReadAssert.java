package dev.vaulttest.assertj;

/**
 * Assertions on a {@link KvRead}; see {@link AbstractKvReadAssert} for the methods. Extend
 * {@link AbstractKvReadAssert} to add your own.
 */
public class KvReadAssert extends AbstractKvReadAssert<KvReadAssert> {

    /**
     * Creates assertions on a read. Prefer {@link VaultAssertions#assertThat(KvRead)} or
     * {@link VaultAssertions#assertThatSecret(dev.vaulttest.vault.VaultNodeClient, String, String)}.
     *
     * @param actual the read to check, may be {@code null} (assertions then fail)
     */
    public KvReadAssert(KvRead actual) {
        super(actual, KvReadAssert.class);
    }
}
