package dev.vaulttest.internal.diagnostics;

import dev.vaulttest.internal.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where collectors write: files under one directory, every text redacted on the way out. */
final class Output {

    private final Path directory;
    private final List<Path> written = new ArrayList<>();

    Output(Path directory) {
        this.directory = directory;
    }

    /**
     * Writes a redacted text file.
     *
     * @param relative the path below the diagnostics directory, for example {@code pods/vault-0/vault.log}
     * @param text the content; secrets are redacted before writing
     */
    void write(String relative, String text) {
        Path file = directory.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Redactor.redact(text == null ? "" : text), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
        written.add(directory.relativize(file));
    }

    List<Path> written() {
        return List.copyOf(written);
    }
}
