package dev.vaulttest.testkit.real;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real local-kms (the AWS KMS emulator) running as a process on this machine, for {@code awskms} auto-unseal
 * of {@link VaultProcessCluster} and for the library's KMS client.
 *
 * <p>It binds a port the kernel chooses (local-kms listens on every interface; nothing outside the machine is
 * contacted) and keeps its keys in its own data directory, which {@link #close()} deletes after stopping the
 * process by its PID. It accepts any credentials; requests must name its {@link #region()}.
 */
public final class LocalKmsProcess implements AutoCloseable {

    /** The region the emulator serves. */
    public static final String REGION = "us-east-1";

    /** The account id in the ARNs it issues. */
    public static final String ACCOUNT_ID = "111122223333";

    private static final Pattern STARTED = Pattern.compile("Local KMS started on 0\\.0\\.0\\.0:(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final RunDirectory run;
    private final ManagedProcess process;
    private final int port;
    private boolean closed;

    private LocalKmsProcess(RunDirectory run, ManagedProcess process, int port) {
        this.run = run;
        this.process = process;
        this.port = port;
    }

    /**
     * Starts local-kms and waits until it listens.
     *
     * @param binaries where the binary is
     * @return the running emulator; close it
     * @throws IllegalStateException if it does not start within 30 s, with its output
     */
    public static LocalKmsProcess start(LabBinaries binaries) {
        Objects.requireNonNull(binaries, "binaries");
        ManagedProcess[] started = new ManagedProcess[1];
        RunDirectory run = RunDirectory.create(() -> {
            if (started[0] != null) {
                started[0].kill();
            }
        });
        try {
            var dir = run.subdirectory("local-kms");
            started[0] = ManagedProcess.start("local-kms", List.of(binaries.localKms().toString()), Map.of(
                    "PORT", "0",
                    "KMS_REGION", REGION,
                    "KMS_ACCOUNT_ID", ACCOUNT_ID,
                    "KMS_DATA_PATH", dir.resolve("data").toString(),
                    "KMS_SEED_PATH", dir.resolve("seed.yaml").toString(),
                    "PATH", "/usr/bin:/bin"), dir, dir.resolve("local-kms.log"));
            ManagedProcess process = started[0];
            int port = Poll.until("local-kms to listen", START_TIMEOUT, Duration.ofMillis(50), () -> {
                Optional<Integer> found = listeningPort(process.logText());
                if (found.isEmpty() && !process.alive()) {
                    throw new Poll.AbortedException("local-kms exited with " + process.exitCode().orElse(-1)
                            + ":\n" + process.logTail(20));
                }
                return found;
            }, Optional::isPresent, found -> "no 'started on' line yet").orElseThrow();
            return new LocalKmsProcess(run, process, port);
        } catch (RuntimeException e) {
            if (started[0] != null) {
                started[0].stop(STOP_GRACE);
            }
            run.close();
            throw e;
        }
    }

    static Optional<Integer> listeningPort(String log) {
        Matcher matcher = STARTED.matcher(log);
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    /**
     * The endpoint to give KMS clients and Vault's {@code AWS_KMS_ENDPOINT}.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /**
     * The region requests must be signed for.
     *
     * @return {@value #REGION}
     */
    public String region() {
        return REGION;
    }

    /**
     * The process id, to check from outside that it is gone after {@link #close()}.
     *
     * @return the PID
     */
    public long pid() {
        return process.pid();
    }

    /**
     * Whether the emulator process runs.
     *
     * @return {@code true} until closed (or killed)
     */
    public boolean running() {
        return process.alive();
    }

    /**
     * Freezes the emulator (SIGSTOP to its PID): its port still completes TCP handshakes, but nothing answers,
     * as with a KMS whose container is paused or whose host stalls.
     */
    public void pause() {
        signal("STOP");
    }

    /** Lets a paused emulator run again (SIGCONT). */
    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
            if (!kill.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Could not send SIG" + name + " to local-kms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling local-kms", e);
        }
    }

    /** Stops the process by its PID and deletes its data. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (process.alive()) {
            resume();
        }
        process.stop(STOP_GRACE);
        run.close();
    }

    @Override
    public String toString() {
        return "LocalKmsProcess[" + endpoint() + ", " + process + "]";
    }
}
