package dev.vaulttest.engine;

import java.util.Objects;

/**
 * A value that asks for something the test cluster cannot provide.
 *
 * @param valuePath the values path, for example {@code server.nodeSelector}
 * @param problem what the value asks for and why the cluster cannot provide it
 * @param remedy what to do, usually a test-only values layer that overrides it
 */
public record UnsupportedValue(String valuePath, String problem, String remedy) {

    /**
     * Validates.
     *
     * @param valuePath the values path, for example {@code server.nodeSelector}
     * @param problem what the value asks for and why the cluster cannot provide it
     * @param remedy what to do, usually a test-only values layer that overrides it
     */
    public UnsupportedValue {
        Objects.requireNonNull(valuePath, "valuePath");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(remedy, "remedy");
    }

    @Override
    public String toString() {
        return valuePath + ": " + problem + " " + remedy;
    }
}
