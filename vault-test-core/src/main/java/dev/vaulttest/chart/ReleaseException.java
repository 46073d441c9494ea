package dev.vaulttest.chart;

import dev.vaulttest.base.VaultTestException;

/** Helm could not install, upgrade, list or uninstall a release; the message names the release and gives Helm's. */
public class ReleaseException extends VaultTestException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the release, the operation and Helm's own message
     * @param cause Helm's failure
     */
    public ReleaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
