package dev.vaulttest.base;


/** A named wait was ended early by its probe because the awaited state can no longer be reached. */
public final class WaitAbortedException extends VaultTestException {

    private static final long serialVersionUID = 1L;

    /** The name of the wait. */
    private final String waitName;

    /**
     * Creates the exception.
     *
     * @param message names the wait, the time spent and why it was aborted
     * @param waitName what was waited for
     * @param cause the failure that aborted it, or {@code null}
     */
    public WaitAbortedException(String message, String waitName, Throwable cause) {
        super(message, cause);
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
