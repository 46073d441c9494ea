package dev.vaulttest.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker's Helm library is extracted once per build of it, complete, and then reused. */
class CachedHelmLibraryTest {

    @TempDir
    Path cache;

    @Test
    void theLibraryIsExtractedOnceUnderItsBuildsCrcAndSizeAndThenReused() throws IOException {
        CachedHelmLibrary library = new CachedHelmLibrary(cache);

        Path first = library.cached().orElseThrow();
        FileTime written = Files.getLastModifiedTime(first);
        Files.setLastModifiedTime(first, FileTime.fromMillis(written.toMillis() - 60_000));
        Path second = new CachedHelmLibrary(cache).cached().orElseThrow();

        assertThat(second).isEqualTo(first);
        assertThat(first.getFileName()).hasToString(CachedHelmLibrary.BINARY);
        assertThat(first.getParent().getFileName().toString()).matches("[0-9a-f]+-" + Files.size(first));
        assertThat(Files.size(first)).isGreaterThan(10_000_000L);
        assertThat(Files.getLastModifiedTime(second).toMillis()).as("not written again")
                .isEqualTo(written.toMillis() - 60_000);
        try (Stream<Path> files = Files.list(first.getParent())) {
            assertThat(files).as("no partial copy left").containsExactly(first);
        }
    }

    @Test
    void aCacheThatCannotBeWrittenFallsBackToATemporaryCopy() throws IOException {
        Path notADirectory = Files.writeString(cache.resolve("file"), "x");

        assertThat(new CachedHelmLibrary(notADirectory.resolve("helm-native")).cached()).isEmpty();
    }

    @Test
    void theCacheLivesUnderTheVaultTestCacheOrTheHomeDirectory() {
        Map<String, String> properties = Map.of("user.home", "/home/me");

        assertThat(CachedHelmLibrary.defaultCacheRoot(properties::get, Map.of("VAULT_TEST_CACHE", "/ci/cache")::get))
                .isEqualTo(Path.of("/ci/cache/helm-native"));
        assertThat(CachedHelmLibrary.defaultCacheRoot(properties::get, name -> null))
                .isEqualTo(Path.of("/home/me/.cache/vault-test/helm-native"));
        assertThat(CachedHelmLibrary.defaultCacheRoot(properties::get, Map.of("VAULT_TEST_CACHE", " ")::get))
                .isEqualTo(Path.of("/home/me/.cache/vault-test/helm-native"));
    }
}
