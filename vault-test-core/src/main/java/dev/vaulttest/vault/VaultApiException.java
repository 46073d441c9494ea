package dev.vaulttest.vault;

import dev.vaulttest.base.VaultTestException;
import java.util.List;
import java.util.Objects;

/**
 * A Vault node did not do what an operation asked: it answered with an error status, answered something
 * unparseable, could not be reached, or did not answer in time.
 *
 * <p>Carries the node, the operation, the HTTP status ({@link #NO_HTTP_STATUS} when no answer arrived) and
 * Vault's {@code errors} strings. Tokens, keys and JWTs are scrubbed from the message and the error strings
 * even when Vault echoes them.
 */
public class VaultApiException extends VaultTestException {

    /** The value of {@link #httpStatus()} when the node gave no HTTP answer (refused, reset, timed out). */
    public static final int NO_HTTP_STATUS = 0;

    private static final long serialVersionUID = 1L;

    /** The node that was asked. */
    private final String nodeName;
    /** The operation that failed. */
    private final VaultOperation operation;
    /** The HTTP status, or {@link #NO_HTTP_STATUS}. */
    private final int httpStatus;
    /** Vault's error strings, scrubbed. */
    private final List<String> errors;

    /**
     * Creates the exception. Callers pass already scrubbed texts.
     *
     * @param nodeName the node that was asked
     * @param operation what was asked
     * @param httpStatus the HTTP status, or {@link #NO_HTTP_STATUS}
     * @param errors Vault's error strings, scrubbed of secrets
     * @param message the full explanation: expected, seen, what to do
     * @param cause the underlying failure, or {@code null}
     */
    public VaultApiException(String nodeName, VaultOperation operation, int httpStatus, List<String> errors,
            String message, Throwable cause) {
        super(message, cause);
        this.nodeName = Objects.requireNonNull(nodeName, "nodeName");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.httpStatus = httpStatus;
        this.errors = List.copyOf(errors);
    }

    /**
     * The node that was asked.
     *
     * @return the endpoint's node name, for example {@code vault-0}
     */
    public String nodeName() {
        return nodeName;
    }

    /**
     * The operation that failed.
     *
     * @return the operation
     */
    public VaultOperation operation() {
        return operation;
    }

    /**
     * The HTTP status Vault answered with.
     *
     * @return the status, or {@link #NO_HTTP_STATUS} when the node gave no answer
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Vault's {@code errors} strings, with secrets scrubbed.
     *
     * @return the error strings; empty when Vault sent none or did not answer
     */
    public List<String> errors() {
        return errors;
    }

    /**
     * Whether one of Vault's error strings contains the given text.
     *
     * @param text for example {@code "Vault is sealed"}
     * @return {@code true} if any error string contains it
     */
    public boolean hasError(String text) {
        return errors.stream().anyMatch(error -> error.contains(text));
    }
}
