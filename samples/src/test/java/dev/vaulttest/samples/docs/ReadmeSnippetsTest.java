package dev.vaulttest.samples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README honest: every Java block the README marks as a snippet must be, character for
 * character, a tagged region of a compiled sample. Run with {@code -Dreadme.update=true} to rewrite
 * the README's snippet blocks from the samples.
 */
class ReadmeSnippetsTest {

    private static final Pattern BLOCK = Pattern.compile(
            "<!-- snippet: ([\\w-]+) -->\\n```java\\n(.*?)```\\n<!-- /snippet -->", Pattern.DOTALL);

    private final Path readme = Path.of("..", "README.md");
    private final Map<String, SnippetRegions.Region> regions =
            SnippetRegions.collect(Path.of("src", "test", "java"));

    @Test
    void everyReadmeSnippetIsACompiledSampleRegion() throws IOException {
        String text = Files.readString(readme);
        if (Boolean.getBoolean("readme.update")) {
            text = rewrite(text);
            Files.writeString(readme, text);
        }
        List<String> problems = new ArrayList<>();
        Matcher block = BLOCK.matcher(text);
        int count = 0;
        while (block.find()) {
            count++;
            String name = block.group(1);
            SnippetRegions.Region region = regions.get(name);
            if (region == null) {
                problems.add("README snippet '" + name + "' has no // tag::" + name + "[] region in samples/src/test/java");
            } else if (!region.text().equals(block.group(2))) {
                problems.add("README snippet '" + name + "' differs from " + region.file()
                        + "; run: mvn -pl samples test -Dtest=ReadmeSnippetsTest -Dreadme.update=true");
            }
        }
        assertThat(count).as("snippet blocks in README.md").isPositive();
        assertThat(count).as("snippet markers in README.md that open a ```java block closed by <!-- /snippet -->")
                .isEqualTo(countOf(text, "<!-- snippet: "));
        assertThat(problems).as("README snippets out of date").isEmpty();
    }

    private static int countOf(String text, String marker) {
        int count = 0;
        for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + marker.length())) {
            count++;
        }
        return count;
    }

    private String rewrite(String text) {
        Matcher block = BLOCK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (block.find()) {
            SnippetRegions.Region region = regions.get(block.group(1));
            String body = region == null ? block.group(2) : region.text();
            block.appendReplacement(out, Matcher.quoteReplacement(
                    "<!-- snippet: " + block.group(1) + " -->\n```java\n" + body + "```\n<!-- /snippet -->"));
        }
        block.appendTail(out);
        return out.toString();
    }
}
