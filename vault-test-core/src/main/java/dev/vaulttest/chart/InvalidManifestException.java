package dev.vaulttest.chart;

import dev.vaulttest.base.VaultTestException;

/** A Kubernetes manifest could not be read as Kubernetes objects. */
public class InvalidManifestException extends VaultTestException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the manifest (and the document in it) and the problem
     * @param cause the parser's failure, or {@code null}
     */
    public InvalidManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
