package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Runs the canary's shell script with a scripted curl, so its retry and exit logic is tested for real. */
@EnabledOnOs(value = {OS.LINUX, OS.MAC}, disabledReason = "the canary script is POSIX sh")
class CanaryScriptTest {

    private static final URI DESTINATION = URI.create("https://10.43.0.1:443/");

    @TempDir
    Path bin;

    /** Runs the script; curl exits with the given codes in turn (the last one repeats); returns exit and attempts. */
    private int[] run(Canary.Expect expect, int... curlExits) throws IOException, InterruptedException {
        Path codes = bin.resolve("codes");
        Files.write(codes, java.util.Arrays.stream(curlExits).mapToObj(String::valueOf).toList(),
                StandardCharsets.US_ASCII);
        executable("curl", "#!/bin/sh\n"
                + "echo \"$@\" >> " + bin.resolve("calls") + "\n"
                + "code=$(head -n 1 " + codes + ")\n"
                + "if [ $(wc -l < " + codes + ") -gt 1 ]; then tail -n +2 " + codes + " > " + codes + ".t; mv "
                + codes + ".t " + codes + "; fi\n"
                + "exit $code\n");
        executable("sleep", "#!/bin/sh\nexit 0\n");
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", Canary.script(DESTINATION, expect));
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        List<String> calls = Files.readAllLines(bin.resolve("calls"));
        assertThat(calls).allSatisfy(call -> assertThat(call).contains(DESTINATION.toString())
                .contains("--connect-timeout"));
        return new int[] {process.exitValue(), calls.size()};
    }

    private void executable(String name, String content) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void aRefusedConnectionIsBlockedAtOnce() throws Exception {
        assertThat(run(Canary.Expect.BLOCKED, 7)).containsExactly(Canary.BLOCKED_EXIT, 1);
    }

    @Test
    void aPolicyProgrammedLateIsStillSeenAsBlocking() throws Exception {
        assertThat(run(Canary.Expect.BLOCKED, 0, 0, 28)).containsExactly(Canary.BLOCKED_EXIT, 3);
    }

    @Test
    void aDestinationThatStaysReachableEndsConnectedAfterEveryAttempt() throws Exception {
        assertThat(run(Canary.Expect.BLOCKED, 0)).containsExactly(Canary.CONNECTED_EXIT, 6);
    }

    @Test
    void aTlsErrorStillMeansConnected() throws Exception {
        assertThat(run(Canary.Expect.CONNECTED, 35)).containsExactly(Canary.CONNECTED_EXIT, 1);
    }

    @Test
    void aControlThatNeverConnectsEndsBlocked() throws Exception {
        assertThat(run(Canary.Expect.CONNECTED, 28)).containsExactly(Canary.BLOCKED_EXIT, 6);
    }
}
