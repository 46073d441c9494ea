package dev.vaulttest.kms;

/** Which KMS answers Vault's {@code awskms} seal. */
public enum KmsProvider {
    /** LocalStack's KMS, in Docker (community image, pinned to a tag that needs no auth token). */
    LOCALSTACK,
    /** nsmithuk/local-kms, in Docker; small and token-free. */
    LOCAL_KMS,
    /** Real AWS KMS, for existing clusters: no emulator, the values' seal stanza is used as it is. */
    REAL_AWS;

    /**
     * Tells whether the library runs an emulator for this provider.
     *
     * @return {@code true} for LocalStack and local-kms
     */
    public boolean isEmulated() {
        return this != REAL_AWS;
    }
}
