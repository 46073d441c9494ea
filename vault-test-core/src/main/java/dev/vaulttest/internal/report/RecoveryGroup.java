package dev.vaulttest.internal.report;

import dev.vaulttest.timing.RecoveryMeasurement;
import dev.vaulttest.timing.RecoveryMeasurement.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The recoveries of one failure mode across a run: one disruption kind waited out until one condition.
 * Only {@link Outcome#RECOVERED} measurements contribute recovery times.
 *
 * @param disruption the disruption kind
 * @param condition the condition waited for
 * @param samples the recovery times with what they measured, fastest first
 * @param measurements how many disruptions of this mode were applied
 * @param problems how many did not recover or whose fault did not take effect
 * @param stayedBroken how many stayed broken as the test expected
 */
record RecoveryGroup(String disruption, String condition, List<Sample> samples, int measurements, int problems,
        int stayedBroken) {

    /**
     * One recovery time.
     *
     * @param after the time from the disruption until the condition held
     * @param test the test that measured it, as {@code Class#name}
     * @param target what was disrupted
     */
    record Sample(Duration after, String test, String target) {
    }

    RecoveryGroup {
        samples = samples.stream()
                .sorted(Comparator.comparing(Sample::after).thenComparing(Sample::test).thenComparing(Sample::target))
                .toList();
    }

    /** The recovery times, ascending. */
    List<Duration> times() {
        return samples.stream().map(Sample::after).toList();
    }

    /** Groups every measurement of the tests by disruption and condition, sorted by name. */
    static List<RecoveryGroup> of(List<TestRecord> tests) {
        Map<List<String>, List<RecoveryMeasurement>> byMode = new TreeMap<>(
                Comparator.<List<String>, String>comparing(key -> key.get(0)).thenComparing(key -> key.get(1)));
        Map<RecoveryMeasurement, String> testOf = new IdentityHashMap<>();
        for (TestRecord test : tests) {
            for (RecoveryMeasurement measurement : test.recoveries()) {
                byMode.computeIfAbsent(List.of(measurement.disruption(), measurement.condition()),
                        key -> new ArrayList<>()).add(measurement);
                testOf.put(measurement, test.testClass() + "#" + test.testName());
            }
        }
        List<RecoveryGroup> groups = new ArrayList<>();
        byMode.forEach((key, measurements) -> groups.add(new RecoveryGroup(key.get(0), key.get(1),
                measurements.stream()
                        .filter(m -> m.outcome() == Outcome.RECOVERED)
                        .map(m -> new Sample(m.recoveredAfter().orElseThrow(), testOf.get(m), m.target()))
                        .toList(),
                measurements.size(),
                (int) measurements.stream().filter(m -> m.outcome().isProblem()).count(),
                (int) measurements.stream().filter(m -> m.outcome() == Outcome.STAYED_BROKEN_AS_EXPECTED).count())));
        return List.copyOf(groups);
    }

    Optional<Duration> min() {
        return samples.isEmpty() ? Optional.empty() : Optional.of(samples.get(0).after());
    }

    Optional<Duration> max() {
        return samples.isEmpty() ? Optional.empty() : Optional.of(samples.get(samples.size() - 1).after());
    }

    /** The median; for an even count, the mean of the two middle times. */
    Optional<Duration> median() {
        List<Duration> times = times();
        int n = times.size();
        if (n == 0) {
            return Optional.empty();
        }
        if (n % 2 == 1) {
            return Optional.of(times.get(n / 2));
        }
        return Optional.of(times.get(n / 2 - 1).plus(times.get(n / 2)).dividedBy(2));
    }
}
