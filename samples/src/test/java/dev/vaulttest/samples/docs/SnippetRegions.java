package dev.vaulttest.samples.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads tagged regions ({@code // tag::name[]} ... {@code // end::name[]}) out of the samples'
 * sources, so the README can quote compiled, tested code.
 */
final class SnippetRegions {

    private static final Pattern START = Pattern.compile("^\\s*//\\s*tag::([\\w-]+)\\[]\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*//\\s*end::([\\w-]+)\\[]\\s*$");

    private SnippetRegions() {
    }

    /**
     * Collects every tagged region below a source root.
     *
     * @param sourceRoot the directory to scan for {@code .java} files
     * @return region name to its dedented text, in file order
     */
    static Map<String, Region> collect(Path sourceRoot) {
        Map<String, Region> regions = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                for (Region region : regionsIn(file)) {
                    Region previous = regions.putIfAbsent(region.name(), region);
                    if (previous != null) {
                        throw new IllegalStateException("Snippet region '" + region.name() + "' is defined twice: in "
                                + previous.file() + " and in " + region.file());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read sample sources under " + sourceRoot, e);
        }
        return regions;
    }

    private static List<Region> regionsIn(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Region> regions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher start = START.matcher(lines.get(i));
            if (!start.matches()) {
                continue;
            }
            String name = start.group(1);
            int end = findEnd(lines, i + 1, name, file);
            List<String> body = lines.subList(i + 1, end).stream()
                    .filter(line -> !START.matcher(line).matches() && !END.matcher(line).matches())
                    .toList();
            regions.add(new Region(name, file, dedent(body)));
        }
        return regions;
    }

    private static int findEnd(List<String> lines, int from, String name, Path file) {
        for (int j = from; j < lines.size(); j++) {
            Matcher end = END.matcher(lines.get(j));
            if (end.matches() && end.group(1).equals(name)) {
                return j;
            }
        }
        throw new IllegalStateException("Snippet region '" + name + "' in " + file + " has no // end::" + name + "[]");
    }

    private static String dedent(List<String> body) {
        int indent = body.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        StringBuilder text = new StringBuilder();
        for (String line : body) {
            text.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return text.toString();
    }

    /**
     * One tagged region.
     *
     * @param name the tag name
     * @param file the source file it came from
     * @param text the region's lines, dedented, each ending in a newline
     */
    record Region(String name, Path file, String text) {
    }
}
