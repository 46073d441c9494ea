package dev.vaulttest.testkit.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The temporary directory of one fixture (data dirs, configs, logs, pid files), and the guard that nothing
 * outlives it.
 *
 * <p>Three lines of defence: {@code close()} stops the processes and deletes the directory; a shutdown hook does
 * the same when the JVM exits without closing (a failed test that skipped {@code close()}, Ctrl-C, SIGTERM);
 * and when a JVM was killed outright (SIGKILL, where no hook runs), the next fixture finds its directory by the
 * dead owner's PID and stops the processes recorded in its pid files, checking each PID's start time so that a
 * reused PID is never touched.
 */
final class RunDirectory implements AutoCloseable {

    static final String PREFIX = "vault-test-real-";
    private static final String DRAFT_PREFIX = "vault-test-draft-";
    private static final String OWNER_FILE = "owner";

    private final Path path;
    private final Thread hook;

    private RunDirectory(Path path, Runnable onJvmExit) {
        this.path = path;
        this.hook = new Thread(() -> {
            onJvmExit.run();
            deleteTree(path);
        }, "vault-test-real-cleanup-" + path.getFileName());
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Creates a run directory after reaping abandoned ones.
     *
     * @param onJvmExit stops this fixture's processes if the JVM exits before {@link #close()}
     */
    static RunDirectory create(Runnable onJvmExit) {
        reapAbandoned();
        try {
            // Made under another name and renamed once the owner file is in: a directory with the prefix always
            // names its owner, so a reap running in another thread or JVM never takes one still being set up.
            Path draft = Files.createTempDirectory(DRAFT_PREFIX);
            ProcessHandle self = ProcessHandle.current();
            Files.writeString(draft.resolve(OWNER_FILE), self.pid() + " "
                    + self.info().startInstant().orElse(Instant.EPOCH).toEpochMilli() + "\n");
            Path path = draft.resolveSibling(PREFIX + draft.getFileName().toString().substring(DRAFT_PREFIX.length()));
            Files.move(draft, path, StandardCopyOption.ATOMIC_MOVE);
            return new RunDirectory(path, onJvmExit);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary directory for real Vault processes", e);
        }
    }

    Path path() {
        return path;
    }

    Path subdirectory(String name) {
        try {
            return Files.createDirectories(path.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + path.resolve(name), e);
        }
    }

    /** Deletes the directory; the caller stopped its processes first. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook runs anyway.
        }
        deleteTree(path);
    }

    /** Stops the processes of run directories whose JVM is gone, then deletes those directories. */
    static void reapAbandoned() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path dir : dirs) {
                if (Files.isDirectory(dir) && !ownerAlive(dir)) {
                    stopRecordedProcesses(dir);
                    deleteTree(dir);
                }
            }
        } catch (IOException e) {
            // Nothing to reap that we can see.
        }
    }

    private static boolean ownerAlive(Path dir) {
        return recorded(dir.resolve(OWNER_FILE)).map(RunDirectory::stillRunning).orElse(false);
    }

    private static void stopRecordedProcesses(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".pid"))
                    .map(RunDirectory::recorded).flatMap(Optional::stream)
                    .filter(RunDirectory::stillRunning)
                    .forEach(p -> ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroyForcibly));
        } catch (IOException | UncheckedIOException e) {
            // Best effort: the directory goes anyway.
        }
    }

    /** A PID and the start time recorded with it. */
    private record Recorded(long pid, long startMillis) {
    }

    private static Optional<Recorded> recorded(Path file) {
        try {
            String[] parts = Files.readString(file).trim().split("\\s+");
            return Optional.of(new Recorded(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the PID still runs the process that was recorded (same start time), not a reuse of the PID. */
    private static boolean stillRunning(Recorded recorded) {
        return ProcessHandle.of(recorded.pid()).filter(ProcessHandle::isAlive)
                .flatMap(handle -> handle.info().startInstant())
                .map(start -> Math.abs(start.toEpochMilli() - recorded.startMillis()) < 2_000)
                .orElse(false);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Left for the next reap.
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Left for the next reap.
        }
    }
}
