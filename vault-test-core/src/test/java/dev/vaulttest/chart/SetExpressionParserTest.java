package dev.vaulttest.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetExpressionParserTest {

    private static Map<String, Object> set(String expression) {
        Map<String, Object> values = new LinkedHashMap<>();
        SetExpressionParser.apply(expression, values, false);
        return values;
    }

    @Test
    void nestsDottedNames() {
        assertThat(set("server.ha.replicas=3")).isEqualTo(Map.of("server", Map.of("ha", Map.of("replicas", 3L))));
    }

    @Test
    void typesValuesAsHelmDoes() {
        Map<String, Object> values = set("a=true,b=FALSE,c=null,d=0,e=-12,f=007,g=1.5,h=+5,i=9223372036854775808,j=");

        assertThat(values).containsEntry("a", true).containsEntry("b", false).containsEntry("c", null)
                .containsEntry("d", 0L).containsEntry("e", -12L).containsEntry("f", "007").containsEntry("g", "1.5")
                .containsEntry("h", 5L).containsEntry("i", "9223372036854775808").containsEntry("j", "");
    }

    @Test
    void setStringKeepsEveryValueAString() {
        Map<String, Object> values = new LinkedHashMap<>();
        SetExpressionParser.apply("a=true,b=10,c={1,null}", values, true);

        assertThat(values).containsEntry("a", "true").containsEntry("b", "10").containsEntry("c", List.of("1", "null"));
    }

    @Test
    void bracesMakeAListAndCommasSeparatePairs() {
        assertThat(set("a={x,2,true},b=c")).containsEntry("a", Arrays.asList("x", 2L, true)).containsEntry("b", "c");
        assertThat(set("a={}")).containsEntry("a", List.of(""));
    }

    @Test
    void backslashEscapesDotsCommasAndEquals() {
        assertThat(set("annotations.vault\\.io/role=x\\,y\\=z"))
                .isEqualTo(Map.of("annotations", Map.of("vault.io/role", "x,y=z")));
    }

    @Test
    void indexesGrowListsWithNulls() {
        Map<String, Object> values = set("a[2]=x,b[0].name=n,b[0].value=v,c[1][0]=deep");

        assertThat(values.get("a")).isEqualTo(Arrays.asList(null, null, "x"));
        assertThat(values.get("b")).isEqualTo(List.of(Map.of("name", "n", "value", "v")));
        assertThat(values.get("c")).isEqualTo(Arrays.asList(null, List.of("deep")));
    }

    @Test
    void changesAnExistingListInPlace() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("list", new java.util.ArrayList<>(List.of("one", "two")));

        SetExpressionParser.apply("list[1]=deux", values, false);

        assertThat(values.get("list")).isEqualTo(List.of("one", "deux"));
    }

    @Test
    void keyWithoutValueIsAnError() {
        assertThatThrownBy(() -> set("a.b")).hasMessageContaining("key \"b\" has no value");
        assertThatThrownBy(() -> set("a,b=1")).hasMessageContaining("cannot end with ,");
        assertThatThrownBy(() -> set("a={x,y")).hasMessageContaining("list must terminate with '}'");
    }

    @Test
    void indexErrorsAreReported() {
        assertThatThrownBy(() -> set("a[-1]=x")).hasMessageContaining("negative -1 index");
        assertThatThrownBy(() -> set("a[x]=1")).hasMessageContaining("error parsing index");
        assertThatThrownBy(() -> set("a[0]b=1")).hasMessageContaining("unexpected data at end of array index");
        assertThatThrownBy(() -> set("a[65537]=1")).hasMessageContaining("maximum supported index");
    }

    @Test
    void nestingIntoAScalarIsAnError() {
        assertThatThrownBy(() -> set("a=1,a.b=2")).hasMessageContaining("\"a\" is a number, not a map");
        assertThatThrownBy(() -> set("a=s,a[0]=2")).hasMessageContaining("\"a\" is a string, not a list");
    }

    @Test
    void nestingDeeperThanThirtyIsAnError() {
        assertThatThrownBy(() -> set("a".repeat(1) + ".a".repeat(31) + "=1"))
                .hasMessageContaining("maximum supported nested level of 30");
    }
}
