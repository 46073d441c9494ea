package dev.vaulttest.junit5;

import dev.vaulttest.base.VaultTestException;

/**
 * A setting or an annotation attribute has a value the extension cannot use. The message names the
 * setting (or annotation and attribute), the value, and what would be accepted.
 */
public class VaultTestConfigurationException extends VaultTestException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was given, where, and what to give instead
     */
    public VaultTestConfigurationException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the failure that revealed the problem.
     *
     * @param message what was given, where, and what to give instead
     * @param cause the underlying failure
     */
    public VaultTestConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
