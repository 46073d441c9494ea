/**
 * The run report: per-test records and the writer that turns a run, with the phase timings and recovery
 * measurements of the {@code timing} package, into {@code summary.json} and a self-contained
 * {@code index.html}.
 *
 * <p>Framework-free: the JUnit extension feeds a {@link dev.vaulttest.internal.report.RunReportCollector} and
 * writes the report at the end of a run. Every free-text field is redacted; no secret reaches a report.
 *
 * <p>Not API: types here may change without notice; they are public only so that the library's own packages
 * and modules can share them.
 */
package dev.vaulttest.internal.report;

