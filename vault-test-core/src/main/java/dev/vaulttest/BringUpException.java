package dev.vaulttest;

import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.timing.Phase;

/**
 * Bringing up a Vault environment failed. The message names the phase, what was expected, what was seen
 * (pod phases and reasons, recent events, the nodes' seal status, the last log lines of each Vault
 * container, all redacted) and whether the environment's resources were removed or kept for inspection.
 */
public class BringUpException extends VaultTestException {

    private static final long serialVersionUID = 1L;

    /** The phase that failed. */
    private final Phase phase;

    /** Whether the environment's resources were kept for inspection. */
    private final boolean kept;

    /**
     * Creates the exception.
     *
     * @param phase the phase that failed
     * @param message the full description: expected, seen, and what was cleaned up
     * @param kept whether the environment's resources were kept for inspection
     * @param cause the failure that ended the phase
     */
    public BringUpException(Phase phase, String message, boolean kept, Throwable cause) {
        super(message, cause);
        this.phase = phase;
        this.kept = kept;
    }

    /**
     * The phase that failed.
     *
     * @return for example {@link Phase#PODS_RUNNING} or {@link Phase#READY}
     */
    public Phase phase() {
        return phase;
    }

    /**
     * Whether the namespace, release and containers were kept for inspection rather than removed.
     *
     * @return {@code true} when kept on request
     */
    public boolean kept() {
        return kept;
    }
}
