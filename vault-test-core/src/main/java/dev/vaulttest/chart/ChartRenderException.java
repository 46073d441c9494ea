package dev.vaulttest.chart;

import dev.vaulttest.base.VaultTestException;

/** Helm could not render a chart, or rendered something that is not Kubernetes objects. */
public class ChartRenderException extends VaultTestException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the chart and gives Helm's own message
     * @param cause Helm's failure
     */
    public ChartRenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
