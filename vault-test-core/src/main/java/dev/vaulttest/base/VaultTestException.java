package dev.vaulttest.base;

/**
 * The root of the library's unchecked exceptions.
 *
 * <p>Messages say what was expected, what was seen and what to do about it. They never contain
 * root tokens, unseal or recovery keys, client tokens, JWTs or cloud credentials.
 */
public class VaultTestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that explains the failure.
     *
     * @param message what was expected, what was seen, and what to do
     */
    public VaultTestException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the underlying cause.
     *
     * @param message what was expected, what was seen, and what to do
     * @param cause the failure that led to this one
     */
    public VaultTestException(String message, Throwable cause) {
        super(message, cause);
    }
}
