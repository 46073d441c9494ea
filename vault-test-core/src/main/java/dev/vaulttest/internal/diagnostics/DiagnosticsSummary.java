package dev.vaulttest.internal.diagnostics;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Diagnostics#collect} wrote.
 *
 * @param directory the directory the files are in
 * @param files every file written, relative to {@code directory}, in the order written
 * @param errors one line per collector that failed ({@code collector: what went wrong}); also in
 *     {@value Diagnostics#ERRORS_FILE}
 */
public record DiagnosticsSummary(Path directory, List<Path> files, List<String> errors) {

    /**
     * Validates and copies.
     *
     * @param directory the directory the files are in
     * @param files every file written, relative to {@code directory}
     * @param errors one line per collector that failed
     */
    public DiagnosticsSummary {
        Objects.requireNonNull(directory, "directory");
        files = List.copyOf(files);
        errors = List.copyOf(errors);
    }

    /**
     * One line for logs: where, how many files, how many collectors failed.
     *
     * @return the line
     */
    public String describe() {
        return "diagnostics in " + directory + ": " + files.size() + " file(s)"
                + (errors.isEmpty() ? "" : ", " + errors.size() + " collector(s) failed (see "
                + Diagnostics.ERRORS_FILE + ")");
    }
}
