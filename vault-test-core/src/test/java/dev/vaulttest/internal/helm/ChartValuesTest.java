package dev.vaulttest.internal.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.chart.EffectiveValues;
import dev.vaulttest.chart.InvalidValuesException;
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

        Map<String, Object> values = HelmValues.merge(ChartValues.builder().file(first).file(second).build()).asMap();

        Map<String, Object> expectedServer = new LinkedHashMap<>();
        expectedServer.put("ha", Map.of("enabled", true, "replicas", 1L));
        expectedServer.put("extra", List.of(3L));
        expectedServer.put("gone", null);
        assertThat(values).isEqualTo(Map.of("server", expectedServer, "ui", true));
    }

    @Test
    void setsApplyAfterEveryFileAndSetStringsAfterEverySet() throws IOException {
        Path file = file("v.yaml", "a: 1\nlist: [x, y]\n");

        Map<String, Object> values = HelmValues.merge(ChartValues.builder()
                .setString("b=2")
                .file(file)
                .set("a=2,list[1]=z,b=3")
                .build()).asMap();

        assertThat(values).containsEntry("a", 2L).containsEntry("list", List.of("x", "z")).containsEntry("b", "2");
    }

    @Test
    void inlineLayersMergeInOrderWithFiles() throws IOException {
        Path file = file("v.yaml", "server: {replicas: 5, name: x}\n");

        Map<String, Object> values = HelmValues.merge(ChartValues.builder()
                .file(file)
                .values("k3s overlay", Map.of("server", Map.of("replicas", 1)))
                .build()).asMap();

        assertThat(values).isEqualTo(Map.of("server", Map.of("replicas", 1L, "name", "x")));
    }

    @Test
    void effectiveValuesAreImmutableAtEveryLevel() throws IOException {
        Map<String, Object> values = HelmValues.merge(ChartValues.builder().file(file("v.yaml", "a: {b: [1]}\n")).build()).asMap();

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

        assertThat(HelmValues.merge(spec)).isEqualTo(HelmValues.merge(spec));
        assertThat(HelmValues.merge(spec).asMap().get("a")).isEqualTo(Arrays.asList(1L, Map.of("b", 2L), null, "x"));
    }

    @Test
    void yamlViewShowsTheValues() {
        EffectiveValues values = HelmValues.merge(ChartValues.builder().set("server.ha.enabled=true").build());

        assertThat(values.toYaml()).isEqualTo("server:\n  ha:\n    enabled: true\n");
        assertThat(values.toString()).isEqualTo("EffectiveValues[server]");
    }

    @Test
    void yamlViewReadsBackToTheSameValuesUnderHelmsYamlRules() throws IOException {
        Path file = file("v.yaml", "s: ['yes', 'n', '0777', '1e3', 'null', '', 'multi\n  line\n']\n"
                + "'on': 1\nnums: [1, -2, 1.5, 18446744073709551615]\nnothing: null\n");
        EffectiveValues values = HelmValues.merge(ChartValues.builder().file(file).build());

        Path view = file("view.yaml", values.toYaml());
        assertThat(HelmValues.merge(ChartValues.builder().file(view).build())).isEqualTo(values);
        assertThat(values.toYaml()).contains("\"yes\"").contains("\"on\": 1");
    }

    @Test
    void missingFileIsNamed() {
        Path missing = temp.resolve("missing.yaml");

        assertThatThrownBy(() -> HelmValues.merge(ChartValues.builder().file(missing).build()))
                .isInstanceOf(InvalidValuesException.class)
                .hasMessageContaining("'" + missing + "' does not exist");
    }

    @Test
    void badYamlNamesTheFileAndLine() throws IOException {
        Path bad = file("bad.yaml", "server:\n  ha:\n    enabled: [true\n");

        assertThatThrownBy(() -> HelmValues.merge(ChartValues.builder().file(bad).build()))
                .isInstanceOf(InvalidValuesException.class)
                .hasMessageContaining("'" + bad + "'")
                .hasMessageMatching("(?s).*line [34].*");
    }

    @Test
    void badSetNamesTheExpression() {
        assertThatThrownBy(() -> HelmValues.merge(ChartValues.builder().set("server.ha").build()))
                .isInstanceOf(InvalidValuesException.class)
                .hasMessageContaining("--set 'server.ha'")
                .hasMessageContaining("has no value");
    }

    @Test
    void setIntoAValueFromAFileOfTheWrongKindIsAnError() throws IOException {
        Path file = file("v.yaml", "server: disabled\n");

        assertThatThrownBy(() -> HelmValues.merge(ChartValues.builder().file(file).set("server.ha.enabled=true").build()))
                .isInstanceOf(InvalidValuesException.class)
                .hasMessageContaining("--set 'server.ha.enabled=true'")
                .hasMessageContaining("a value that is a string, not a map");
    }

    @Test
    void theExpressionHelmRefusesIsNamedAmongSeveral() {
        assertThatThrownBy(() -> HelmValues.merge(ChartValues.builder().set("a=1").set("b[0]=x").set("a[0]=2").set("c=3").build()
                ))
                .isInstanceOf(InvalidValuesException.class)
                .hasMessageStartingWith("--set 'a[0]=2' cannot be applied: ")
                .hasMessageContaining("a value that is a number, not a list");
        assertThatThrownBy(() -> HelmValues.merge(ChartValues.builder().set("a=1").setString("b=x").setString("b.c=y").build()
                ))
                .hasMessageStartingWith("--set-string 'b.c=y' cannot be applied: ");
    }

    @Test
    void aPairWithoutANameIsAnErrorThoughHelmWouldSkipIt() {
        for (String expression : List.of("=x", "a=1,=x", ".a=1", "a..b=1", "[0]=x")) {
            assertThatThrownBy(() -> HelmValues.merge(ChartValues.builder().set(expression).build()))
                    .as(expression)
                    .isInstanceOf(InvalidValuesException.class)
                    .hasMessageContaining("--set '" + expression + "'")
                    .hasMessageContaining("a name is empty");
        }
    }

    @Test
    void setStringKeepsEveryValueAStringWhereSetTypesThem() {
        Map<String, Object> values = HelmValues.merge(ChartValues.builder()
                .setString("a=true,b=10,c={1,null,},d=,e={},f=x\\,y\\=z,g.h[1]=007")
                .set("t=true,n=10,z=null")
                .build()).asMap();

        assertThat(values).containsEntry("a", "true").containsEntry("b", "10")
                .containsEntry("c", List.of("1", "null", "")).containsEntry("d", "").containsEntry("e", List.of(""))
                .containsEntry("f", "x,y=z").containsEntry("g", Map.of("h", Arrays.asList(null, "007")))
                .containsEntry("t", true).containsEntry("n", 10L).containsEntry("z", null);
    }

    @Test
    void expressionsApplyInOrderThoughTheyReachHelmAsOne() {
        Map<String, Object> values = HelmValues.merge(ChartValues.builder()
                .set("a=1,").set("").set("a=2,list={x,y}").set("b=x\\").set("list[1]=z")
                .setString("s=1").setString("s=2")
                .build()).asMap();

        assertThat(values).containsEntry("a", 2L).containsEntry("b", "x").containsEntry("list", List.of("x", "z"))
                .containsEntry("s", "2");
    }

    @Test
    void helmReadsTheFilesWithItsOwnYamlRules() throws IOException {
        Path file = file("v.yaml", "enabled: yes\ny: 1\ncount: 0777\nhex: 0x1F\nquoted: 'on'\n"
                + "base: &b {p: 1, q: 2}\nchild: {<<: *b, q: 3}\n---\nignored: true\n");

        Map<String, Object> values = HelmValues.merge(ChartValues.builder().file(file).build()).asMap();

        assertThat(values).containsEntry("enabled", true).containsEntry("true", 1L).containsEntry("count", 511L)
                .containsEntry("hex", 31L).containsEntry("quoted", "on")
                .containsEntry("child", Map.of("p", 1L, "q", 3L)).doesNotContainKey("ignored");
    }

    @Test
    void aTopLevelListIsNamedWithWhatHelmFound() throws IOException {
        Path list = file("list.yaml", "- a\n- b\n");

        assertThatThrownBy(() -> HelmValues.merge(ChartValues.builder().file(list).build()))
                .isInstanceOf(InvalidValuesException.class)
                .hasMessage("Values file '" + list + "' is not valid YAML for Helm: expected a mapping (key: value) at"
                        + " the top, found a list");
    }

    @Test
    void nestedAliasesAreRefusedFastNamingTheFile() throws IOException {
        StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            yaml.append("a").append(level).append(": &a").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (level - 1)))).append("]\n");
        }
        Path laughs = file("laughs.yaml", yaml.toString());

        assertThatThrownBy(() -> HelmValues.merge(ChartValues.builder().file(laughs).build()))
                .isInstanceOf(InvalidValuesException.class)
                .hasMessageContaining("'" + laughs + "'")
                .hasMessageContaining("aliases");
    }

    @Test
    void aFileWhosePathHelmJavaCannotPassIsHandedOverAsACopy() throws IOException {
        Path odd = Files.createDirectories(temp.resolve("a,b%zz"));
        Path file = Files.writeString(odd.resolve("v.yaml"), "a: 1\n");
        Path bad = Files.writeString(odd.resolve("bad.yaml"), "a: [\n");

        assertThat(HelmValues.merge(ChartValues.builder().file(file).build()).asMap()).isEqualTo(Map.of("a", 1L));
        assertThatThrownBy(() -> HelmValues.merge(ChartValues.builder().file(bad).build()))
                .hasMessageStartingWith("Values file '" + bad + "' is not valid YAML for Helm: line ");
    }

    @Test
    void inlineLayersReachHelmAsTheSameValuesAsAFileSayingThem() throws IOException {
        Map<String, Object> inline = new LinkedHashMap<>();
        inline.put("s", List.of("yes", "0777", "1e3", "null", "", "a/b", "q\"b\\s"));
        inline.put("breaks", "nl\nls\u2028ps\u2029nel\u0085");
        inline.put("controls", "del\u007fc1\u009fbom\ufeffnon\uffff\u0001");
        inline.put("wide", "\uD83D\uDE00 é");
        inline.put("nothing", null);
        inline.put("numbers", List.of(1, -2L, 1.5, 12345678901234567L, new java.math.BigDecimal("0.1")));
        inline.put("nested", Map.of("on", true));
        Path same = file("same.yaml", "s: ['yes', '0777', '1e3', 'null', '', a/b, 'q\"b\\s']\n"
                + "breaks: \"nl\\nls\\u2028ps\\u2029nel\\x85\"\n"
                + "controls: \"del\\x7fc1\\x9fbom\\ufeffnon\\uffff\\x01\"\n"
                + "wide: \"\\U0001F600 é\"\nnothing: null\nnumbers: [1, -2, 1.5, 12345678901234567, 0.1]\n"
                + "nested: {'on': true}\n");

        EffectiveValues fromInline = HelmValues.merge(ChartValues.builder().values("inline", inline).build());

        assertThat(fromInline).isEqualTo(HelmValues.merge(ChartValues.builder().file(same).build()));
        assertThat(fromInline.asMap().get("breaks")).isEqualTo(inline.get("breaks"));
        assertThat(fromInline.asMap().get("controls")).isEqualTo(inline.get("controls"));
    }

    @Test
    void inlineLayersRejectValuesYamlCannotCarry() {
        assertThatThrownBy(() -> ChartValues.builder().values("bad", Map.of("a", new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a'");
    }
}
