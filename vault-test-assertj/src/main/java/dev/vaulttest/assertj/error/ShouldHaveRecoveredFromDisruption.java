package dev.vaulttest.assertj.error;

import dev.vaulttest.chaos.Disruption;
import dev.vaulttest.chaos.Disruption.Verification;
import dev.vaulttest.timing.RecoveryMeasurement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the messages about a chaos {@link Disruption} handle: healed, took effect, recovered within a time,
 * stayed broken for at least a time. Every message lists how the fault was verified and every recovery
 * measurement recorded on the handle.
 */
public class ShouldHaveRecoveredFromDisruption extends VaultErrorMessage {

    private ShouldHaveRecoveredFromDisruption(Disruption disruption, String expectation, String problem) {
        super(subject(disruption), expectation, problem, observed(disruption), List.of());
    }

    /**
     * The disruption should have been healed (closed).
     *
     * @param disruption the handle
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBeHealed(Disruption disruption) {
        return new ShouldHaveRecoveredFromDisruption(disruption, "to be healed",
                "it was not healed (close() not called yet, or it heals by itself)");
    }

    /**
     * The handle should have a measurement to look at.
     *
     * @param disruption the handle
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveMeasurement(Disruption disruption) {
        return new ShouldHaveRecoveredFromDisruption(disruption, "to have a recovery measurement",
                "none was recorded on it (call recovery().await(...) or staysBrokenFor(...) first)");
    }

    /**
     * The fault should have taken effect; a measurement says it did not.
     *
     * @param disruption the handle
     * @param notEffective the measurements that say so
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveTakenEffect(Disruption disruption, List<RecoveryMeasurement> notEffective) {
        return new ShouldHaveRecoveredFromDisruption(disruption, "to take effect",
                notEffective.size() + " measurement(s) say it did not, so nothing was tested: "
                        + notEffective.stream().map(RecoveryMeasurement::detail).toList());
    }

    /**
     * Every condition waited for should have held again within the time.
     *
     * @param disruption the handle
     * @param limit the allowed time
     * @param offenders the measurements that are not recoveries within the time
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveRecoveredWithin(Disruption disruption, Duration limit,
            List<RecoveryMeasurement> offenders) {
        return new ShouldHaveRecoveredFromDisruption(disruption, "to recover within " + Seconds.of(limit)
                + " in every condition waited for", disruption.measurements().isEmpty()
                ? "no recovery was measured on it (call recovery().await(...) first)"
                : offenders.size() + " of " + disruption.measurements().size() + " measurements did not: "
                        + offenders.stream().map(m -> "'" + m.condition() + "'").toList());
    }

    /**
     * Some measurement should show the condition not holding for at least the time.
     *
     * @param disruption the handle
     * @param minimum the required time
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveStayedBroken(Disruption disruption, Duration minimum) {
        return new ShouldHaveRecoveredFromDisruption(disruption, "to have stayed broken for at least "
                + Seconds.of(minimum), disruption.measurements().isEmpty()
                ? "no recovery was measured on it"
                : "no measurement shows that long (a stays-broken check records neither a heal nor a recovery time;"
                        + " close the disruption and measure the recovery to time the outage)");
    }

    private static String subject(Disruption d) {
        return "disruption " + d.kind() + " of " + d.target() + " (applied at " + d.appliedAt()
                + d.healedAt().map(h -> ", healed at " + h).orElse("") + ")";
    }

    private static String observed(Disruption d) {
        Verification v = d.verification();
        String nl = System.lineSeparator();
        String measurements = d.measurements().isEmpty() ? "  (none)" : d.measurements().stream()
                .map(ShouldHaveRecoveredFromDisruption::line).collect(Collectors.joining(nl));
        return "verification: expected " + v.expected() + ", observed " + v.observed() + " at " + v.verifiedAt() + nl
                + "measurements:" + nl + measurements;
    }

    private static String line(RecoveryMeasurement m) {
        return "  - " + m.outcome() + " '" + m.condition() + "'"
                + m.recoveredAfter().map(after -> " after " + Seconds.of(after)).orElse("")
                + (m.detail().isBlank() ? "" : ": " + m.detail());
    }
}
