package dev.vaulttest.junit5;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.vaulttest.junit5.fake.DockerAvailable;
import dev.vaulttest.junit5.fake.FakeEnvironmentFactory;
import dev.vaulttest.junit5.fake.Journal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.OutputDirectoryCreator;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs fixture classes through the Jupiter engine with the fake environment factory, Docker reported
 * present, reports under a given directory, and no system properties or {@code junit-platform.properties}
 * (so a CI's {@code -Dvaulttest...} never changes these tests).
 */
final class EngineRuns {

    private final Map<String, String> configuration = new HashMap<>();
    private final Path junitOutput;

    private EngineRuns(Path reports) {
        junitOutput = reports.resolve("junit-output");
        configuration.put(Fixture.ENABLED, "true");
        configuration.put(VaultTestSettings.ENVIRONMENT_FACTORY, FakeEnvironmentFactory.class.getName());
        configuration.put(VaultTestSettings.DOCKER_PROBE, DockerAvailable.class.getName());
        configuration.put(VaultTestSettings.REPORTS_DIR, reports.toString());
    }

    /**
     * Starts a run whose reports go under a directory; clears the {@link Journal}.
     *
     * @param reports the report directory
     * @return the run, to configure
     */
    static EngineRuns reportingTo(Path reports) {
        Journal.clear();
        return new EngineRuns(reports);
    }

    EngineRuns with(String key, String value) {
        configuration.put(key, value);
        return this;
    }

    EngineExecutionResults run(Class<?>... fixtures) {
        return EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(false)
                .configurationParameters(configuration)
                .outputDirectoryCreator(new OutputDirectories(junitOutput))
                .selectors(Arrays.stream(fixtures).map(type -> selectClass(type))
                        .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .execute();
    }

    /** Where JUnit puts published files: one directory per test under a root. */
    private record OutputDirectories(Path root) implements OutputDirectoryCreator {

        @Override
        public Path getRootDirectory() {
            return root;
        }

        @Override
        public Path createOutputDirectory(TestDescriptor descriptor) throws java.io.IOException {
            return java.nio.file.Files.createDirectories(
                    root.resolve(descriptor.getUniqueId().toString().replaceAll("[^A-Za-z0-9._-]", "_")));
        }
    }

    /** The throwables of every failed test or container, in event order. */
    static List<Throwable> failures(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow())
                .map(result -> result.getThrowable().orElseThrow())
                .toList();
    }

    /** The values of every report entry with a key, in event order. */
    static List<String> reportEntries(EngineExecutionResults results, String key) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getPayload(ReportEntry.class))
                .flatMap(Optional::stream)
                .map(entry -> entry.getKeyValuePairs().get(key))
                .filter(value -> value != null)
                .toList();
    }

    /** The reasons of every skipped test or container. */
    static List<String> skipReasons(EngineExecutionResults results) {
        return results.allEvents().skipped().stream()
                .map(Event::getPayload).flatMap(Optional::stream).map(String::valueOf).toList();
    }
}
