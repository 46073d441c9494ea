package dev.vaulttest.testkit.real;

import org.junit.jupiter.api.Assumptions;

/**
 * The testkit's own gate for its real-Vault tests: the binaries {@code lab/build-binaries} made, or a failure
 * naming that command; {@code -Dvaulttest.real-vault=skip} turns the failure into a skip with the same reason.
 */
public final class RealVaultBinaries {

    private RealVaultBinaries() {
    }

    /**
     * The binaries, or a failure (or skip) naming the build command.
     *
     * @return the binaries
     */
    public static LabBinaries require() {
        try {
            return LabBinaries.locate();
        } catch (IllegalStateException e) {
            Assumptions.assumeFalse("skip".equals(System.getProperty("vaulttest.real-vault")), e.getMessage());
            throw e;
        }
    }
}
