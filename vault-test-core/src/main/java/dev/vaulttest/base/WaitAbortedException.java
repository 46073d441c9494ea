package dev.vaulttest.base;

import dev.vaulttest.internal.Durations;
import java.time.Duration;

/** A named wait was ended early by its probe because the awaited state can no longer be reached. */
public final class WaitAbortedException extends VaultTestException {

    private static final long serialVersionUID = 1L;

    /** The name of the wait. */
    private final String waitName;

    /**
     * Creates the exception.
     *
     * @param waitName what was waited for
     * @param elapsed how long the wait ran before it was aborted
     * @param reason why it was aborted
     * @param cause the failure that aborted it, or {@code null}
     */
    public WaitAbortedException(String waitName, Duration elapsed, String reason, Throwable cause) {
        super("Gave up waiting for " + waitName + " after " + Durations.format(elapsed) + ": " + reason, cause);
        this.waitName = waitName;
    }

    /**
     * The name of the wait that was aborted.
     *
     * @return the wait's name
     */
    public String waitName() {
        return waitName;
    }
}
