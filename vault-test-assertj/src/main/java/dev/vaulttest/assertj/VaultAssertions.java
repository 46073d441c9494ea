package dev.vaulttest.assertj;

import dev.vaulttest.check.CheckReport;

/**
 * Entry point for vault-test's AssertJ assertions. Import statically next to AssertJ's own
 * {@code Assertions.assertThat}; the overloads do not clash because they take vault-test types.
 *
 * <pre>{@code
 * import static dev.vaulttest.assertj.VaultAssertions.assertThat;
 *
 * assertThat(StaticChecks.evaluate(manifests, CheckOptions.defaults()))
 *         .hasNoFindingAtOrAbove(Severity.WARNING)
 *         .doesNotHaveFinding("DEV_MODE");
 * }</pre>
 */
public final class VaultAssertions {

    private VaultAssertions() {
    }

    /**
     * Starts assertions on the findings of a check run.
     *
     * @param actual the report to check
     * @return the assertion object
     */
    public static CheckReportAssert assertThat(CheckReport actual) {
        return new CheckReportAssert(actual);
    }
}
