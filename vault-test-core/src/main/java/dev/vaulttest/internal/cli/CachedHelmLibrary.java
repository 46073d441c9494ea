package dev.vaulttest.internal.cli;

import com.marcnuri.helm.jni.HelmLib;
import com.marcnuri.helm.jni.NativeLibrary;
import com.sun.jna.Native;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.jar.JarEntry;

/**
 * Helm's native library for the command-line checker, extracted once per version into a cache directory instead
 * of into a new temporary directory on every run (helm-java's default, about 0.6 s of CPU and 98 MB written per
 * start). Registered as helm-java's {@code NativeLibrary} service in the checker's jar only.
 *
 * <p>The directory is {@code $VAULT_TEST_CACHE/helm-native} ({@code ~/.cache/vault-test/helm-native} by default),
 * one subdirectory per library build, named by the CRC and size the jar records for it. A copy appears under its
 * final name only once complete (written beside it, then moved), so concurrent runs never load half a file.
 * Where the cache cannot be written, the library is extracted to a temporary directory, as helm-java does.
 */
public final class CachedHelmLibrary implements NativeLibrary {

    static final String BINARY = "helm-linux-amd64.so";
    private static final String CACHE_ENVIRONMENT_VARIABLE = "VAULT_TEST_CACHE";

    private final Path cacheRoot;

    /** The service constructor: the cache under {@code $VAULT_TEST_CACHE} or {@code ~/.cache/vault-test}. */
    public CachedHelmLibrary() {
        this(defaultCacheRoot(System::getProperty, System::getenv));
    }

    CachedHelmLibrary(Path cacheRoot) {
        this.cacheRoot = cacheRoot;
    }

    static Path defaultCacheRoot(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String variable = environment.apply(CACHE_ENVIRONMENT_VARIABLE);
        Path base = variable != null && !variable.isBlank() ? Path.of(variable)
                : Path.of(properties.apply("user.home"), ".cache", "vault-test");
        return base.resolve("helm-native");
    }

    @Override
    public String getBinaryName() {
        return BINARY;
    }

    @Override
    public HelmLib load() {
        Path library = cached().orElseGet(this::temporaryCopy);
        HelmLib helm = Native.load(library.toAbsolutePath().toString(), HelmLib.class);
        Runtime.getRuntime().addShutdownHook(new Thread(helm::RepoServerStopAll, "helm-repo-servers-stop"));
        return helm;
    }

    /** helm-java's own way, for when there is no cache: a copy in a new temporary directory, deleted on exit. */
    private Path temporaryCopy() {
        Path library = NativeLibrary.super.createTempDirectory().resolve(BINARY);
        extract(library);
        library.toFile().deleteOnExit();
        return library;
    }

    /** The cached copy, extracted first if needed; empty when there is no jar entry to key it or no cache. */
    Optional<Path> cached() {
        Optional<JarEntry> entry = jarEntry();
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Path directory = cacheRoot.resolve(Long.toHexString(entry.get().getCrc()) + "-" + entry.get().getSize());
        Path library = directory.resolve(BINARY);
        if (Files.isRegularFile(library)) {
            return Optional.of(library);
        }
        try {
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, BINARY, ".partial");
            try {
                extract(partial);
                moveIntoPlace(partial, library);
            } finally {
                Files.deleteIfExists(partial);
            }
            return Optional.of(library);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static void moveIntoPlace(Path partial, Path library) throws IOException {
        try {
            Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, library, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Optional<JarEntry> jarEntry() {
        URL resource = getClass().getResource("/" + BINARY);
        if (resource == null) {
            return Optional.empty();
        }
        try {
            URLConnection connection = resource.openConnection();
            if (connection instanceof JarURLConnection jar) {
                JarEntry entry = jar.getJarEntry();
                return entry.getCrc() >= 0 && entry.getSize() >= 0 ? Optional.of(entry) : Optional.empty();
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void extract(Path target) {
        try (InputStream in = getClass().getResourceAsStream("/" + BINARY)) {
            if (in == null) {
                throw new IllegalStateException("Helm's native library " + BINARY + " is not in the checker's jar:"
                        + " the checker runs on Linux x86-64 only");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not extract Helm's native library to " + target, e);
        }
    }
}
