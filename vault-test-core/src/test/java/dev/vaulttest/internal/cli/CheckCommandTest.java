package dev.vaulttest.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import dev.vaulttest.chart.ChartCache;
import dev.vaulttest.check.CheckTestFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CheckCommandTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        ChartCache cache = new ChartCache(temp.resolve("cache"));
        return new CheckCommand(cache).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String chart() {
        return CheckTestFiles.chart().toString();
    }

    private static String values(String name) {
        return CheckTestFiles.values(name).toString();
    }

    private String[] production(String... more) {
        String[] base = {"--chart", chart(), "--values", values("production.yaml"),
            "--storage-classes", CheckTestFiles.storageClasses().toString(), "--nodes", "3"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void exitsZeroWhenNothingIsAtOrAboveTheThresholdAndPrintsTextGroupedBySeverity() {
        int status = run(production());

        assertThat(status).isEqualTo(CheckCommand.EXIT_PASSED);
        assertThat(out()).contains("vault-test check of " + chart() + " (release vault, namespace default)")
                .contains("INFO (1)\n  ONDELETE_UPGRADES  StatefulSet/vault\n")
                .contains("    Fix: ")
                .doesNotContain("ERROR (")
                .contains("1 finding: 0 errors, 0 warnings, 1 info. PASS: no finding at or above ERROR.");
        assertThat(err()).isEmpty();
    }

    @Test
    void exitsOneWhenAFindingIsAtOrAboveTheThreshold() {
        int status = run("--chart", chart(), "--values", values("dev.yaml"));

        assertThat(status).isEqualTo(CheckCommand.EXIT_FINDINGS);
        assertThat(out()).contains("ERROR (").contains("DEV_MODE  StatefulSet/vault").contains("FAIL: ");
        assertThat(out().indexOf("ERROR (")).as("errors are listed before infos").isLessThan(out().indexOf("INFO ("));
    }

    @Test
    void failOnLowersTheThresholdCaseInsensitively() {
        assertThat(run(production("--fail-on", "info"))).isEqualTo(CheckCommand.EXIT_FINDINGS);
        assertThat(out()).contains("FAIL: 1 finding at or above INFO.");
    }

    @Test
    void laterValuesAndSetsWin() {
        assertThat(run(production("--set", "server.dev.enabled=true"))).isEqualTo(CheckCommand.EXIT_FINDINGS);
        assertThat(out()).contains("DEV_MODE");
    }

    @Test
    void printsJsonFindings() {
        int status = run("--chart", chart(), "--values", values("dev.yaml"), "--format", "json");

        assertThat(status).isEqualTo(CheckCommand.EXIT_FINDINGS);
        JsonNode root = JsonMapper.builder().build().readTree(out());
        assertThat(root.propertyNames()).containsExactly("findings");
        JsonNode devMode = null;
        for (JsonNode finding : root.get("findings")) {
            assertThat(finding.propertyNames()).containsExactly("rule", "severity", "resource", "message", "remediation");
            if (finding.get("rule").asString().equals("DEV_MODE")) {
                devMode = finding;
            }
        }
        assertThat(devMode).isNotNull();
        assertThat(devMode.get("severity").asString()).isEqualTo("ERROR");
        assertThat(devMode.get("resource").asString()).isEqualTo("StatefulSet/vault");
        assertThat(devMode.get("message").asString()).isNotBlank();
    }

    @Test
    void jsonWithNoFindingsIsAnEmptyList() {
        assertThat(run(production("--format", "json", "--set", "server.updateStrategyType=RollingUpdate"))).isZero();

        assertThat(JsonMapper.builder().build().readTree(out()).get("findings").size()).isZero();
    }

    @Test
    void usesAPreSeededOfficialChartWithoutNetwork() throws IOException {
        Path seeded = temp.resolve("cache/helm.releases.hashicorp.com");
        Files.createDirectories(seeded);
        new Helm(CheckTestFiles.chart()).packageIt().withDestination(temp).call();
        try (var packaged = Files.list(temp)) {
            Path archive = packaged.filter(p -> p.toString().endsWith(".tgz")).findFirst().orElseThrow();
            Files.copy(archive, seeded.resolve("vault-0.34.1.tgz"));
        }

        int status = run("--chart", "vault@0.34.1", "--values", values("dev.yaml"));

        assertThat(status).as(err()).isEqualTo(CheckCommand.EXIT_FINDINGS);
        assertThat(out()).contains("vault-test check of vault@0.34.1").contains("DEV_MODE");
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        assertThat(run("--help")).isZero();

        assertThat(out()).startsWith("Usage: java -jar vault-test-check.jar --chart <dir|file.tgz|vault@VERSION>")
                .contains("--fail-on ERROR|WARNING|INFO").contains("Exit status: 0");
    }

    @Test
    void aMissingValuesFileIsBadInputNamingTheFile() {
        Path missing = temp.resolve("missing.yaml");

        assertThat(run("--chart", chart(), "--values", missing.toString())).isEqualTo(CheckCommand.EXIT_BAD_INPUT);
        assertThat(err()).contains("Values file '" + missing + "' does not exist");
        assertThat(out()).isEmpty();
    }

    @Test
    void badYamlIsBadInputNamingTheFileAndLine() throws IOException {
        Path bad = Files.writeString(temp.resolve("bad.yaml"), "server:\n  dev: {enabled: true\n");

        assertThat(run("--chart", chart(), "--values", bad.toString())).isEqualTo(CheckCommand.EXIT_BAD_INPUT);
        assertThat(err()).contains("'" + bad + "'").containsPattern("line \\d+");
    }

    @Test
    void nestedAliasesThatExpandToBillionsAreBadInputWithinSeconds() throws IOException {
        StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            String previous = "*a" + (level - 1);
            yaml.append("a").append(level).append(": &a").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, previous))).append("]\n");
        }
        Path laughs = Files.writeString(temp.resolve("laughs.yaml"), yaml);
        long started = System.nanoTime();

        int exit = run("--chart", chart(), "--values", laughs.toString());

        assertThat(exit).isEqualTo(CheckCommand.EXIT_BAD_INPUT);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(5));
        assertThat(err()).contains("'" + laughs + "'").contains("aliases");
        assertThat(Files.size(laughs)).isLessThan(1024);
    }

    @Test
    void aSetWithAnEmptyKeyIsBadInputNamingTheExpression() {
        assertThat(run("--chart", chart(), "--set", "=x")).isEqualTo(CheckCommand.EXIT_BAD_INPUT);
        assertThat(err()).contains("=x");
        assertThat(out()).isEmpty();
    }

    @Test
    void aChartThatDoesNotRenderIsBadInputWithHelmsMessage() {
        String broken = CheckTestFiles.resource("charts/broken").toString();

        assertThat(run("--chart", broken)).isEqualTo(CheckCommand.EXIT_BAD_INPUT);
        assertThat(err()).contains("Helm could not render chart " + broken).contains("storageClass is required");
    }

    @Test
    void malformedVaultConfigIsBadInput() {
        assertThat(run("--chart", chart(), "--values", values("malformed-hcl.yaml"))).isEqualTo(CheckCommand.EXIT_BAD_INPUT);
        assertThat(err()).isNotBlank();
    }

    @Test
    void aMissingChartIsBadInputNamingIt() {
        Path missing = temp.resolve("no-chart");

        assertThat(run("--chart", missing.toString())).isEqualTo(CheckCommand.EXIT_BAD_INPUT);
        assertThat(err()).contains("'" + missing + "' does not exist");
    }

    @Test
    void aMissingStorageClassFileIsBadInput() {
        Path missing = temp.resolve("classes.yaml");

        assertThat(run("--chart", chart(), "--storage-classes", missing.toString())).isEqualTo(CheckCommand.EXIT_BAD_INPUT);
        assertThat(err()).contains(missing.toString());
    }

    @Test
    void unknownOptionsAndBadOptionValuesAreBadInput() {
        assertUsageError(new String[] {"--chart", chart(), "--colour"}, "unknown option '--colour'");
        assertUsageError(new String[] {"--chart", chart(), "--fail-on", "FATAL"}, "unknown --fail-on 'FATAL'");
        assertUsageError(new String[] {"--chart", chart(), "--format", "xml"}, "unknown --format 'xml'");
        assertUsageError(new String[] {"--chart", chart(), "--nodes", "0"}, "--nodes must be a positive whole number, got '0'");
        assertUsageError(new String[] {"--chart", chart(), "--nodes", "three"}, "got 'three'");
        assertUsageError(new String[] {"--chart", chart(), "--nodes"}, "option --nodes needs a value");
        assertUsageError(new String[] {"--values", values("dev.yaml")}, "missing --chart");
        assertUsageError(new String[] {"--chart", chart(), "--chart", chart()}, "--chart is given more than once");
        assertUsageError(new String[] {chart()}, "unexpected argument");
    }

    @Test
    void optionsAcceptTheEqualsForm() {
        assertThat(run("--chart=" + chart(), "--values=" + values("dev.yaml"), "--format=json", "--fail-on=WARNING"))
                .isEqualTo(CheckCommand.EXIT_FINDINGS);
        assertThat(out()).startsWith("{");
    }

    private void assertUsageError(String[] args, String message) {
        out.reset();
        err.reset();
        assertThat(run(args)).as(String.join(" ", args)).isEqualTo(CheckCommand.EXIT_BAD_INPUT);
        assertThat(err()).contains(message).contains("--help");
    }
}
