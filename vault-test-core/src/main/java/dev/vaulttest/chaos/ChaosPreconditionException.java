package dev.vaulttest.chaos;

import dev.vaulttest.base.VaultTestException;

/**
 * A disruption cannot be applied to this deployment: there is no such target (no standby to delete, no KMS
 * emulator to take down), or the cluster cannot do it (an existing cluster cannot be rebooted). Nothing was
 * changed.
 */
public final class ChaosPreconditionException extends VaultTestException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was asked, what was found, and what to do
     */
    public ChaosPreconditionException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was asked, what was found, and what to do
     * @param cause the failure that showed it
     */
    public ChaosPreconditionException(String message, Throwable cause) {
        super(message, cause);
    }
}
