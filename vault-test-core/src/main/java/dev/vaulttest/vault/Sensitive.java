package dev.vaulttest.vault;

import java.util.Objects;

/**
 * A secret string (root or client token, unseal or recovery key, JWT) that never shows itself by accident.
 *
 * <p>{@link #toString()} always answers {@code [REDACTED]}; the value is reachable only through
 * {@link #reveal()}, so every place that uses a secret is visible in code review. Two instances are equal
 * when their values are equal, which lets tests compare keys without printing them.
 */
public final class Sensitive {

    private static final String REDACTED = dev.vaulttest.internal.Redactor.MARK;

    private final String value;

    private Sensitive(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret value.
     *
     * @param value the secret; must not be {@code null} or empty
     * @return the wrapped secret
     * @throws IllegalArgumentException if {@code value} is empty
     */
    public static Sensitive of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("A secret value must not be empty: pass the token, key or JWT itself");
        }
        return new Sensitive(value);
    }

    /**
     * Returns the secret itself. Never log or print the result.
     *
     * @return the secret value
     */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sensitive that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Always {@value dev.vaulttest.internal.Redactor#MARK}. */
    @Override
    public String toString() {
        return REDACTED;
    }
}
