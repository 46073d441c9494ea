package dev.vaulttest.chart;

import dev.vaulttest.base.VaultTestException;

/** Chart values could not be read or applied: a missing or malformed values file, or a malformed {@code --set} expression. */
public class InvalidValuesException extends VaultTestException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the file or expression, the position when known, and the problem
     */
    public InvalidValuesException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message names the file or expression, the position when known, and the problem
     * @param cause the underlying failure
     */
    public InvalidValuesException(String message, Throwable cause) {
        super(message, cause);
    }
}
