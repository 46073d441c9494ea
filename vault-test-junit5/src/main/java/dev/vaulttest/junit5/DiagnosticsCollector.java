package dev.vaulttest.junit5;

import dev.vaulttest.VaultEnvironment;
import java.nio.file.Path;

/** Writes what is known about a running deployment into a directory, for a failed test. */
interface DiagnosticsCollector {

    /**
     * Collects diagnostics. Implementations try every part, even after one failed, and then throw one
     * exception describing every part that failed.
     *
     * @param environment the deployment
     * @param directory an existing, empty directory
     * @throws Exception when a part could not be collected
     */
    void collect(VaultEnvironment environment, Path directory) throws Exception;
}
