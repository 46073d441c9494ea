package dev.vaulttest.chart;

import dev.vaulttest.base.VaultTestException;

/** A repository chart could not be found or downloaded into the {@link ChartCache}. */
public class ChartDownloadException extends VaultTestException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the chart and URL, what went wrong, and how to pre-seed the cache
     */
    public ChartDownloadException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message names the chart and URL, what went wrong, and how to pre-seed the cache
     * @param cause the underlying failure
     */
    public ChartDownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
