package dev.vaulttest.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartValuesTest {

    @TempDir
    Path temp;

    private Path file(String name, String yaml) throws IOException {
        return Files.writeString(temp.resolve(name), yaml);
    }

    @Test
    void laterFilesMergeMapsReplaceListsAndKeepNulls() throws IOException {
        Path first = file("a.yaml", "server:\n  ha: {enabled: false, replicas: 1}\n  extra: [1, 2]\n  gone: x\nui: true\n");
        Path second = file("b.yaml", "server:\n  ha: {enabled: true}\n  extra: [3]\n  gone: null\n");

        Map<String, Object> values = ChartValues.builder().file(first).file(second).build().effective().asMap();

        Map<String, Object> expectedServer = new LinkedHashMap<>();
        expectedServer.put("ha", Map.of("enabled", true, "replicas", 1L));
        expectedServer.put("extra", List.of(3L));
        expectedServer.put("gone", null);
        assertThat(values).isEqualTo(Map.of("server", expectedServer, "ui", true));
    }

    @Test
    void setsApplyAfterEveryFileAndSetStringsAfterEverySet() throws IOException {
        Path file = file("v.yaml", "a: 1\nlist: [x, y]\n");

        Map<String, Object> values = ChartValues.builder()
                .setString("b=2")
                .file(file)
                .set("a=2,list[1]=z,b=3")
                .build().effective().asMap();

        assertThat(values).containsEntry("a", 2L).containsEntry("list", List.of("x", "z")).containsEntry("b", "2");
    }

    @Test
    void inlineLayersMergeInOrderWithFiles() throws IOException {
        Path file = file("v.yaml", "server: {replicas: 5, name: x}\n");

        Map<String, Object> values = ChartValues.builder()
                .file(file)
                .values("k3s overlay", Map.of("server", Map.of("replicas", 1)))
                .build().effective().asMap();

        assertThat(values).isEqualTo(Map.of("server", Map.of("replicas", 1L, "name", "x")));
    }

    @Test
    void effectiveValuesAreImmutableAtEveryLevel() throws IOException {
        Map<String, Object> values = ChartValues.builder().file(file("v.yaml", "a: {b: [1]}\n")).build().effective().asMap();

        assertThatThrownBy(() -> values.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) values.get("a");
        assertThatThrownBy(() -> a.put("c", 2)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        List<Object> b = (List<Object>) a.get("b");
        assertThatThrownBy(() -> b.add(2)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void readingTheSameSpecTwiceGivesEqualValues() throws IOException {
        ChartValues spec = ChartValues.builder().file(file("v.yaml", "a: [1, {b: 2}]\n")).set("a[3]=x").build();

        assertThat(spec.effective()).isEqualTo(spec.effective());
        assertThat(spec.effective().asMap().get("a")).isEqualTo(Arrays.asList(1L, Map.of("b", 2L), null, "x"));
    }

    @Test
    void yamlViewShowsTheValues() {
        EffectiveValues values = ChartValues.builder().set("server.ha.enabled=true").build().effective();

        assertThat(values.toYaml()).isEqualTo("server:\n  ha:\n    enabled: true\n");
        assertThat(values.toString()).isEqualTo("EffectiveValues[server]");
    }

    @Test
    void yamlViewReadsBackToTheSameValuesUnderHelmsYamlRules() throws IOException {
        Path file = file("v.yaml", "s: ['yes', 'n', '0777', '1e3', 'null', '', 'multi\n  line\n']\n"
                + "'on': 1\nnums: [1, -2, 1.5, 18446744073709551615]\nnothing: null\n");
        EffectiveValues values = ChartValues.builder().file(file).build().effective();

        assertThat(HelmYaml.readMap(values.toYaml())).isEqualTo(values.asMap());
        assertThat(values.toYaml()).contains("'yes'").contains("'on': 1");
    }

    @Test
    void missingFileIsNamed() {
        Path missing = temp.resolve("missing.yaml");

        assertThatThrownBy(() -> ChartValues.builder().file(missing).build().effective())
                .isInstanceOf(InvalidValuesException.class)
                .hasMessageContaining("'" + missing + "' does not exist");
    }

    @Test
    void badYamlNamesTheFileAndLine() throws IOException {
        Path bad = file("bad.yaml", "server:\n  ha:\n    enabled: [true\n");

        assertThatThrownBy(() -> ChartValues.builder().file(bad).build().effective())
                .isInstanceOf(InvalidValuesException.class)
                .hasMessageContaining("'" + bad + "'")
                .hasMessageMatching("(?s).*line [34].*");
    }

    @Test
    void badSetNamesTheExpression() {
        assertThatThrownBy(() -> ChartValues.builder().set("server.ha").build().effective())
                .isInstanceOf(InvalidValuesException.class)
                .hasMessageContaining("--set 'server.ha'")
                .hasMessageContaining("has no value");
    }

    @Test
    void setIntoAValueFromAFileOfTheWrongKindIsAnError() throws IOException {
        Path file = file("v.yaml", "server: disabled\n");

        assertThatThrownBy(() -> ChartValues.builder().file(file).set("server.ha.enabled=true").build().effective())
                .isInstanceOf(InvalidValuesException.class)
                .hasMessageContaining("\"server\" is a string, not a map");
    }

    @Test
    void inlineLayersRejectValuesYamlCannotCarry() {
        assertThatThrownBy(() -> ChartValues.builder().values("bad", Map.of("a", new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a'");
    }
}
