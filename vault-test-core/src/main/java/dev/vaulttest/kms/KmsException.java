package dev.vaulttest.kms;

import dev.vaulttest.base.VaultTestException;

/** A KMS emulator could not be started or answered a KMS call with an error; the message says what to do. */
public class KmsException extends VaultTestException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was expected, what was seen, and what to do
     */
    public KmsException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was expected, what was seen, and what to do
     * @param cause the underlying failure
     */
    public KmsException(String message, Throwable cause) {
        super(message, cause);
    }
}
