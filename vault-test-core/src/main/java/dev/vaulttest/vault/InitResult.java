package dev.vaulttest.vault;

import java.util.List;
import java.util.Objects;

/**
 * What {@code PUT /v1/sys/init} returned: the keys and the initial root token.
 *
 * <p>Every secret is a {@link Sensitive}; {@link #toString()} shows only how many keys there are.
 * Under auto-unseal {@link #keys()} is empty and {@link #recoveryKeys()} is filled.
 *
 * @param keys Shamir unseal key shares, hex encoded
 * @param keysBase64 the same shares, base64 encoded
 * @param recoveryKeys recovery key shares (auto-unseal), hex encoded
 * @param recoveryKeysBase64 the same recovery shares, base64 encoded
 * @param rootToken the initial root token
 */
public record InitResult(
        List<Sensitive> keys,
        List<Sensitive> keysBase64,
        List<Sensitive> recoveryKeys,
        List<Sensitive> recoveryKeysBase64,
        Sensitive rootToken) {
    /**
     * Creates the record, validating and copying its components.
     *
     * @param keys Shamir unseal key shares, hex encoded
     * @param keysBase64 the same shares, base64 encoded
     * @param recoveryKeys recovery key shares (auto-unseal), hex encoded
     * @param recoveryKeysBase64 the same recovery shares, base64 encoded
     * @param rootToken the initial root token
     */
    public InitResult {
        keys = List.copyOf(keys);
        keysBase64 = List.copyOf(keysBase64);
        recoveryKeys = List.copyOf(recoveryKeys);
        recoveryKeysBase64 = List.copyOf(recoveryKeysBase64);
        Objects.requireNonNull(rootToken, "rootToken");
    }

    /**
     * Whether init happened under an auto-unseal seal (recovery keys, no unseal keys).
     *
     * @return {@code true} when only recovery keys were returned
     */
    public boolean isAutoUnseal() {
        return keys.isEmpty() && !recoveryKeys.isEmpty();
    }

    /** Key counts only; never the keys or the root token. */
    @Override
    public String toString() {
        return "InitResult[keys=" + keys.size() + ", recoveryKeys=" + recoveryKeys.size()
                + ", rootToken=<redacted>]";
    }
}
