package dev.vaulttest.internal.report;

import dev.vaulttest.base.VaultTestException;

/** Thrown when the run report cannot be written to its directory. */
public class ReportWriteException extends VaultTestException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which file could not be written and what to check
     * @param cause the I/O failure
     */
    public ReportWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
