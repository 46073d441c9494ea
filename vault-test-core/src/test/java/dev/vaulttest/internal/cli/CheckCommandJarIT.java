package dev.vaulttest.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.check.CheckTestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged {@code vault-test-check.jar} and its launcher as a user would: proves that the jar is
 * executable, that Helm's native library loads from it (through the cached copy), that fabric8 and the rules work
 * from it, and that the launcher starts it from the class-data archive made at package time.
 */
class CheckCommandJarIT {

    private static final Path TARGET = Path.of(System.getProperty("vaulttest.checkJar",
            "target/vault-test-check.jar")).toAbsolutePath().getParent();

    @TempDir
    Path temp;

    @Test
    void theShadedJarRendersAChartAndReportsFindings() throws IOException, InterruptedException {
        Path jar = TARGET.resolve("vault-test-check.jar");
        assertThat(jar).as("run 'mvn package' first").isRegularFile();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dvaulttest.chart.cache=" + temp.resolve("cache"), "-jar", jar.toString()));
        command.addAll(devModeCheck());

        Result result = run(command, Map.of("VAULT_TEST_CACHE", temp.resolve("cache").toString()));

        assertThat(result.exitValue()).as("exit status; stderr: %s", result.stderr())
                .isEqualTo(CheckCommand.EXIT_FINDINGS);
        assertFindings(result.stdout());
        assertThat(temp.resolve("cache").resolve("helm-native")).as("Helm's library, cached for the next start")
                .isDirectoryRecursivelyContaining("glob:**/" + CachedHelmLibrary.BINARY);
    }

    @Test
    void theLauncherStartsTheJarFromItsClassDataArchive() throws IOException, InterruptedException {
        Path launcher = TARGET.resolve("vault-test-check");
        assertThat(launcher).as("run 'mvn package' first").isExecutable();
        assertThat(TARGET.resolve("vault-test-check.jsa")).isRegularFile();
        Path classLog = temp.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(devModeCheck());

        Result result = run(command, Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "VAULT_TEST_CACHE", temp.resolve("cache").toString(),
                "JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classLog));

        assertThat(result.exitValue()).as("exit status; stderr: %s", result.stderr())
                .isEqualTo(CheckCommand.EXIT_FINDINGS);
        assertFindings(result.stdout());
        try (Stream<String> lines = Files.lines(classLog)) {
            assertThat(lines.filter(line -> line.contains("dev.vaulttest.internal.cli.CheckCommand "))
                    .findFirst()).as("where the checker's main class came from").hasValueSatisfying(
                            line -> assertThat(line).contains("shared objects file (top)"));
        }
    }

    private static List<String> devModeCheck() {
        return List.of("--chart", CheckTestFiles.chart().toString(),
                "--values", CheckTestFiles.values("dev.yaml").toString(), "--format", "json");
    }

    private static void assertFindings(String stdout) {
        assertThat(stdout)
                .startsWith("{")
                .contains("\"rule\" : \"DEV_MODE\"")
                .contains("\"resource\" : \"StatefulSet/vault\"");
    }

    private Result run(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path stdout = Files.createTempFile(temp, "stdout", ".txt");
        Path stderr = Files.createTempFile(temp, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(2, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("the checker finished within 2 minutes").isTrue();
        return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private record Result(int exitValue, String stdout, String stderr) {
    }
}
