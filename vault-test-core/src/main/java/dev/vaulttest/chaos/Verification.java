package dev.vaulttest.chaos;

import java.time.Instant;
import java.util.Objects;

/**
 * How a disruption showed that it took effect.
 *
 * @param expected what had to be seen, for example {@code pod vault-0 gone (no pod with UID 1234)}
 * @param observed what was seen
 * @param verifiedAt when it was seen
 */
public record Verification(String expected, String observed, Instant verifiedAt) {

    /**
     * Validates the components.
     *
     * @param expected what had to be seen
     * @param observed what was seen
     * @param verifiedAt when it was seen
     */
    public Verification {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
    }
}
