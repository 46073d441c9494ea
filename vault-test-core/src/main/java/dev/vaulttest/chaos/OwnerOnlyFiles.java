package dev.vaulttest.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Temporary files only the owner can read, for secrets that must pass through a file (keys, values). */
final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {
    }

    /** A new temporary file, owner read/write only where the file system has POSIX permissions. */
    static Path createTempFile(String prefix, String suffix) throws IOException {
        try {
            return Files.createTempFile(prefix, suffix, ownerOnly());
        } catch (UnsupportedOperationException noPosix) {
            return Files.createTempFile(prefix, suffix);
        }
    }

    /** A new file in a directory, owner read/write only where the file system has POSIX permissions. */
    static Path createFile(Path file) throws IOException {
        try {
            return Files.createFile(file, ownerOnly());
        } catch (UnsupportedOperationException noPosix) {
            return Files.createFile(file);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    }
}
