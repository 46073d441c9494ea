package dev.vaulttest.vault;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Checks that a downloaded Raft snapshot is complete: a gzip-compressed tar archive that holds a non-empty
 * {@code SHA256SUMS.sealed} entry, the same check Vault's Go client makes before it accepts a snapshot.
 */
final class SnapshotArchive {

    static final String SEALED_SUMS = "SHA256SUMS.sealed";
    private static final int BLOCK = 512;

    private SnapshotArchive() {
    }

    /**
     * Lists the archive's entries.
     *
     * @return entry names with their sizes, in archive order
     * @throws IOException if the file is not a complete gzip-compressed tar archive
     */
    static List<Entry> entries(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            byte[] header = new byte[BLOCK];
            while (true) {
                readFully(in, header);
                if (isZeroBlock(header)) {
                    // Read to the end so GZIPInputStream checks the trailer (CRC and size) of the download.
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                    return entries;
                }
                String name = cString(header, 0, 100);
                long size = octal(header, 124, 12);
                entries.add(new Entry(name, size));
                long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
                skipFully(in, padded);
            }
        }
    }

    /** Whether the entries include a non-empty {@value #SEALED_SUMS}. */
    static boolean isComplete(List<Entry> entries) {
        return entries.stream().anyMatch(entry -> entry.name().equals(SEALED_SUMS) && entry.size() > 0);
    }

    record Entry(String name, long size) {
    }

    private static void readFully(InputStream in, byte[] buffer) throws IOException {
        int read = 0;
        while (read < buffer.length) {
            int n = in.read(buffer, read, buffer.length - read);
            if (n < 0) {
                throw new EOFException("archive ends inside a tar header (truncated download?)");
            }
            read += n;
        }
    }

    private static void skipFully(InputStream in, long bytes) throws IOException {
        long remaining = bytes;
        byte[] sink = new byte[8192];
        while (remaining > 0) {
            int n = in.read(sink, 0, (int) Math.min(sink.length, remaining));
            if (n < 0) {
                throw new EOFException("archive ends inside an entry (truncated download?)");
            }
            remaining -= n;
        }
    }

    private static boolean isZeroBlock(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.US_ASCII);
    }

    private static long octal(byte[] bytes, int offset, int length) throws IOException {
        String text = cString(bytes, offset, length).trim();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new IOException("tar header has a malformed size field '" + text + "'", e);
        }
    }
}
