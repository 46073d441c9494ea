package dev.vaulttest.assertj;

import dev.vaulttest.check.CheckReport;

/**
 * Assertions on a {@link CheckReport}; see {@link AbstractCheckReportAssert} for the methods. Extend
 * {@link AbstractCheckReportAssert} to add your own.
 */
public class CheckReportAssert extends AbstractCheckReportAssert<CheckReportAssert> {

    /**
     * Creates assertions on a report. Prefer {@link VaultAssertions#assertThat(CheckReport)}.
     *
     * @param actual the report to check, may be {@code null} (assertions then fail)
     */
    public CheckReportAssert(CheckReport actual) {
        super(actual, CheckReportAssert.class);
    }
}
