package dev.vaulttest.internal.diagnostics;

import dev.vaulttest.VaultEnvironment;

/** Collects one kind of diagnostics; failures are recorded by {@link Diagnostics}, never thrown further. */
interface Collector {

    /**
     * The collector's name in {@value Diagnostics#ERRORS_FILE}.
     *
     * @return for example {@code pod-logs}
     */
    String name();

    /**
     * Writes what it collects.
     *
     * @param environment the environment to inspect
     * @param out where to write
     * @throws Exception when the collector fails as a whole
     */
    void collect(VaultEnvironment environment, Output out) throws Exception;
}
