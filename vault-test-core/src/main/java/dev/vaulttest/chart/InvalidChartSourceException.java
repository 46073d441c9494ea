package dev.vaulttest.chart;

import dev.vaulttest.base.VaultTestException;

/** A chart was given in a form that cannot be used: a missing path, a directory without {@code Chart.yaml}, a bad version. */
public class InvalidChartSourceException extends VaultTestException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the input, says what was expected and what to do
     */
    public InvalidChartSourceException(String message) {
        super(message);
    }
}
