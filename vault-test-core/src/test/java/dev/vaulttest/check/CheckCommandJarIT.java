package dev.vaulttest.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged {@code vault-test-check.jar} as a user would: proves that it is executable, that
 * Helm's native library loads from the shaded jar and that fabric8 and the rules work from it.
 */
class CheckCommandJarIT {

    @TempDir
    Path temp;

    @Test
    void theShadedJarRendersAChartAndReportsFindings() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("vaulttest.checkJar", "target/vault-test-check.jar"));
        assertThat(jar).as("run 'mvn package' first").isRegularFile();
        Path stdout = temp.resolve("stdout.json");
        Path stderr = temp.resolve("stderr.txt");
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dvaulttest.chart.cache=" + temp.resolve("cache"),
                "-jar", jar.toString(),
                "--chart", CheckTestFiles.chart().toString(),
                "--values", CheckTestFiles.values("dev.yaml").toString(),
                "--format", "json"))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();

        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the jar finished within 2 minutes").isTrue();
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("exit status; stderr: %s", err).isEqualTo(CheckCommand.EXIT_FINDINGS);
        assertThat(Files.readString(stdout, StandardCharsets.UTF_8))
                .startsWith("{")
                .contains("\"rule\" : \"DEV_MODE\"")
                .contains("\"resource\" : \"StatefulSet/vault\"");
    }
}
