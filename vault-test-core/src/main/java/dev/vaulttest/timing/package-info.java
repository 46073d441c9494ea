/**
 * The timing model: how long each phase of a bring-up took ({@link dev.vaulttest.timing.PhaseTimeline}) and
 * how a deployment recovered from a disruption ({@link dev.vaulttest.timing.RecoveryMeasurement}).
 *
 * <p>Bring-up, chaos, the assertions and the JUnit extension record and read these values; the
 * {@code report} package renders them. Free text here is redacted, so no secret reaches a report.
 */
package dev.vaulttest.timing;

