package dev.vaulttest.vault;

import java.util.Objects;

/**
 * How to initialise a new cluster with {@code PUT /v1/sys/init}.
 *
 * <p>Vault accepts only the fields of its seal kind: Shamir takes {@code secret_shares} and
 * {@code secret_threshold}; an auto-unseal seal such as {@code awskms} takes {@code recovery_shares} and
 * {@code recovery_threshold} and answers 400 if the Shamir fields are present. This request sends exactly
 * the two fields of its {@link #kind()}.
 *
 * @param kind which pair of fields to send
 * @param shares how many key shares to create
 * @param threshold how many shares are needed to unseal (or to authorise recovery operations)
 */
public record InitRequest(KeyKind kind, int shares, int threshold) {

    /** Which kind of keys init creates. */
    public enum KeyKind {
        /** Shamir unseal key shares ({@code secret_shares}, {@code secret_threshold}). */
        UNSEAL_KEYS,
        /** Recovery key shares of an auto-unseal seal ({@code recovery_shares}, {@code recovery_threshold}). */
        RECOVERY_KEYS
    }
    /**
     * Creates the record, validating and copying its components.
     *
     * @param kind which pair of fields to send
     * @param shares how many key shares to create
     * @param threshold how many shares are needed to unseal (or to authorise recovery operations)
     */
    public InitRequest {
        Objects.requireNonNull(kind, "kind");
        if (shares < 1) {
            throw new IllegalArgumentException("shares must be at least 1, got " + shares);
        }
        if (threshold < 1 || threshold > shares) {
            throw new IllegalArgumentException("threshold must be between 1 and shares (" + shares + "), got "
                    + threshold);
        }
    }

    /**
     * Init for a Shamir seal.
     *
     * @param shares unseal key shares to create
     * @param threshold shares needed to unseal
     * @return the request
     */
    public static InitRequest shamir(int shares, int threshold) {
        return new InitRequest(KeyKind.UNSEAL_KEYS, shares, threshold);
    }

    /**
     * Init for an auto-unseal seal (for example {@code awskms}); the node unseals itself during init.
     *
     * @param recoveryShares recovery key shares to create
     * @param recoveryThreshold recovery shares needed for recovery operations
     * @return the request
     */
    public static InitRequest autoUnseal(int recoveryShares, int recoveryThreshold) {
        return new InitRequest(KeyKind.RECOVERY_KEYS, recoveryShares, recoveryThreshold);
    }

    /**
     * Init that fits the seal a node reports: recovery keys when its seal status says
     * {@code recovery_seal: true}, Shamir unseal keys otherwise.
     *
     * @param status the uninitialised node's seal status
     * @param shares key shares to create
     * @param threshold shares needed
     * @return the request
     */
    public static InitRequest matching(SealStatus status, int shares, int threshold) {
        return status.recoverySeal() ? autoUnseal(shares, threshold) : shamir(shares, threshold);
    }
}
