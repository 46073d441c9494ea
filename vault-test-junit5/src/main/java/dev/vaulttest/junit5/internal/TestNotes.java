package dev.vaulttest.junit5.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the report needs to know about a test after its own store was closed (JUnit closes a test's store
 * before it calls {@code TestWatcher}): kept in the class store, keyed by the test's unique id.
 */
final class TestNotes {

    private final Map<String, Path> diagnostics = new ConcurrentHashMap<>();

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
}
