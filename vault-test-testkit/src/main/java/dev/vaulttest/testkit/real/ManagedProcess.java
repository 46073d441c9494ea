package dev.vaulttest.testkit.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One program the fixture started: its output goes to a log file, and a pid file next to it records the PID and
 * the start time, so a later run can stop it by PID if this JVM dies before {@link #stop(Duration)} (see
 * {@link RunDirectory#reapAbandoned()}).
 */
final class ManagedProcess {

    private final String name;
    private final Process process;
    private final Path log;
    private final Path pidFile;

    private ManagedProcess(String name, Process process, Path log, Path pidFile) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.pidFile = pidFile;
    }

    /**
     * Starts a program with exactly the given environment (nothing inherited), output appended to {@code log}.
     */
    static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
            Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            Path pidFile = workDir.resolve(name + ".pid");
            Instant started = process.info().startInstant().orElse(Instant.EPOCH);
            Files.writeString(pidFile, process.pid() + " " + started.toEpochMilli() + "\n");
            return new ManagedProcess(name, process, log, pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + " (" + command.get(0) + ")", e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /** Stops the process by its PID: SIGTERM, then SIGKILL after {@code grace}; waits until it is gone. */
    void stop(Duration grace) {
        if (process.isAlive()) {
            process.destroy();
            if (!waitFor(grace)) {
                process.destroyForcibly();
                waitFor(Duration.ofSeconds(10));
            }
        }
        deletePidFile();
    }

    /** Kills the process by its PID at once (SIGKILL), as a crash or an OOM kill would. */
    void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(10));
        deletePidFile();
    }

    /** The last lines of the log, for failure messages. Never holds secrets: Vault does not log keys or tokens. */
    String logTail(int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no output)";
            }
            List<String> all = List.of(Files.readString(log, StandardCharsets.UTF_8).split("\n"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // The run directory is deleted as a whole on close.
        }
    }

    @Override
    public String toString() {
        return name + "[pid " + process.pid() + (process.isAlive() ? "" : ", exited") + "]";
    }
}
