package dev.vaulttest.cluster;

import dev.vaulttest.base.VaultTestException;

/** A cluster could not be started, reached, changed or cleaned up; the message says what to do. */
public class ClusterException extends VaultTestException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was expected, what was seen, and what to do
     */
    public ClusterException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was expected, what was seen, and what to do
     * @param cause the underlying failure
     */
    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
