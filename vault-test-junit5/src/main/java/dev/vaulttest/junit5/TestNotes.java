package dev.vaulttest.junit5;

import dev.vaulttest.timing.RecoveryMeasurement;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the report needs to know about a test after its own store was closed (JUnit closes a test's store
 * before it calls {@code TestWatcher}): kept in the class store, keyed by the test's unique id.
 */
final class TestNotes {

    private final Map<String, Path> diagnostics = new ConcurrentHashMap<>();
    private final Map<String, List<RecoveryMeasurement>> recoveries = new ConcurrentHashMap<>();

    static TestNotes of(ExtensionContext context) {
        ExtensionContext owner = Stores.classContext(context).orElse(context.getRoot());
        return Stores.own(owner).getOrComputeIfAbsent(TestNotes.class, key -> new TestNotes(), TestNotes.class);
    }

    void diagnostics(String uniqueId, Path directory) {
        diagnostics.put(uniqueId, directory);
    }

    Optional<Path> diagnostics(String uniqueId) {
        return Optional.ofNullable(diagnostics.get(uniqueId));
    }

    /**
     * Notes a recovery measured while a test (or a class's lifecycle methods) ran, for the run report.
     *
     * @param uniqueId the JUnit unique id of the context that took the measurement
     * @param measurement the measurement
     */
    void recovery(String uniqueId, RecoveryMeasurement measurement) {
        recoveries.computeIfAbsent(uniqueId, key -> new CopyOnWriteArrayList<>()).add(measurement);
    }

    List<RecoveryMeasurement> recoveries(String uniqueId) {
        return List.copyOf(recoveries.getOrDefault(uniqueId, List.of()));
    }
}
