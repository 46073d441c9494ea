package dev.vaulttest.chart;

import dev.vaulttest.base.VaultTestException;

/**
 * Helm failed: it could not render a chart (or rendered something that is not Kubernetes objects), or could not
 * install, upgrade, read or uninstall a release. The message names the chart or release and gives Helm's own
 * message.
 */
public class HelmException extends VaultTestException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the chart or release and the operation, and gives Helm's own message
     * @param cause Helm's failure
     */
    public HelmException(String message, Throwable cause) {
        super(message, cause);
    }
}
