package dev.vaulttest.chaos;

import dev.vaulttest.base.VaultTestException;
import java.time.Duration;

/**
 * A condition that the test expected to stay false for a while held again before that time was up: the fault
 * was shorter-lived than the test assumed (or never really broke anything).
 */
public final class RecoveredTooSoonException extends VaultTestException {

    private static final long serialVersionUID = 1L;

    /** How long after the check started the condition held. */
    private final Duration heldAfter;

    /**
     * Creates the exception.
     *
     * @param message what was expected to stay broken, for how long, and what was observed when it held
     * @param heldAfter how long after the check started the condition held
     */
    public RecoveredTooSoonException(String message, Duration heldAfter) {
        super(message);
        this.heldAfter = heldAfter;
    }

    /**
     * How long after the check started the condition held.
     *
     * @return the time
     */
    public Duration heldAfter() {
        return heldAfter;
    }
}
