package dev.vaulttest.kms;

/** Which KMS answers Vault's {@code awskms} seal. */
public enum KmsProvider {
    /** LocalStack's KMS, in Docker (community image, pinned to a tag that needs no auth token). */
    LOCALSTACK,
    /** nsmithuk/local-kms, in Docker; small and token-free. */
    LOCAL_KMS,
    /**
     * A KMS emulator that runs already, outside the library (for example local-kms as a process on a cluster's
     * node), reached at a URL with dummy credentials; see {@link ExternalKms} and {@link KmsStarter#external}.
     * Vault is wired to it exactly as to an emulator the library starts, and the seal's key alias is created
     * through its API, but the library never starts, pauses or stops it.
     */
    EXTERNAL,
    /** Real AWS KMS, for existing clusters: no emulator, the values' seal stanza is used as it is. */
    REAL_AWS;

    /**
     * Tells whether Vault's seal is pointed at an emulator: its endpoint and dummy credentials are set on the
     * Vault pods, and the key alias the values name is created through the emulator's API.
     *
     * @return {@code true} for LocalStack, local-kms and an external emulator
     */
    public boolean isEmulated() {
        return this != REAL_AWS;
    }

    /**
     * Tells whether the library starts the emulator (a Docker container, which needs Docker on this machine) and
     * removes it again.
     *
     * @return {@code true} for LocalStack and local-kms; {@code false} for an external emulator and real AWS KMS
     */
    public boolean isStartedByLibrary() {
        return this == LOCALSTACK || this == LOCAL_KMS;
    }
}
