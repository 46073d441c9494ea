package dev.vaulttest.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelmYamlTest {

    @Test
    void readsUnquotedYesOnAndYAsBooleansLikeHelm() {
        Map<String, Object> values = HelmYaml.readMap("a: yes\nb: On\nc: n\nd: 'yes'\ne: \"on\"\nf: TRUE\n");

        assertThat(values).containsEntry("a", true).containsEntry("b", true).containsEntry("c", false)
                .containsEntry("d", "yes").containsEntry("e", "on").containsEntry("f", true);
    }

    @Test
    void readsIntegersInEveryGoSyntax() {
        Map<String, Object> values = HelmYaml.readMap(
                "dec: 42\nneg: -7\noct: 0777\nhex: 0x1F\nbin: 0b101\nunder: 1_000\nbig: 18446744073709551615\nzero: 0\n");

        assertThat(values).containsEntry("dec", 42L).containsEntry("neg", -7L).containsEntry("oct", 511L)
                .containsEntry("hex", 31L).containsEntry("bin", 5L).containsEntry("under", 1000L)
                .containsEntry("big", new BigInteger("18446744073709551615")).containsEntry("zero", 0L);
    }

    @Test
    void readsFloatsNullsAndLeavesOtherTextAsStrings() {
        Map<String, Object> values = HelmYaml.readMap(
                "f: 1.5\ne: 1e3\nd: .5\nn1: ~\nn2:\nn3: Null\nv: 1.2.3\nt: 2001-12-14\nnotOctal: 08\n");

        assertThat(values).containsEntry("f", 1.5).containsEntry("e", 1000.0).containsEntry("d", 0.5)
                .containsEntry("n1", null).containsEntry("n2", null)
                .containsEntry("n3", null).containsEntry("v", "1.2.3").containsEntry("t", "2001-12-14")
                .containsEntry("notOctal", 8.0);
    }

    @Test
    void rejectsInfinityAndNanAsHelmDoes() {
        assertThatThrownBy(() -> HelmYaml.readMap("a: 1\nb: .inf\n"))
                .isInstanceOf(HelmYaml.Problem.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("no infinity or NaN");
        assertThat(HelmYaml.readMap("a: '.nan'\n")).containsEntry("a", ".nan");
    }

    @Test
    void explicitStringTagKeepsTheText() {
        assertThat(HelmYaml.readMap("a: !!str yes\nb: !!str 012\n")).containsEntry("a", "yes").containsEntry("b", "012");
    }

    @Test
    void turnsNonStringKeysIntoStringsLikeHelm() {
        Map<String, Object> values = HelmYaml.readMap("1: one\ntrue: yes-key\non: on-key\n");

        assertThat(values).containsOnlyKeys("1", "true");
        assertThat(values.get("true")).isEqualTo("on-key");
        assertThat(HelmYaml.readMap("y: 1\n")).as("YAML 1.1 reads the key y as true").containsOnlyKeys("true");
    }

    @Test
    void appliesMergeKeysAndAliases() {
        Map<String, Object> values = HelmYaml.readMap(
                "base: &b {p: 1, q: 2}\nchild:\n  <<: *b\n  q: 3\nlist: &l [a, b]\ncopy: *l\n");

        assertThat(values.get("child")).isEqualTo(Map.of("p", 1L, "q", 3L));
        assertThat(values.get("copy")).isEqualTo(Arrays.asList("a", "b"));
    }

    @Test
    void laterDuplicateKeyWins() {
        assertThat(HelmYaml.readMap("a: 1\na: 2\n")).containsEntry("a", 2L);
    }

    @Test
    void readsOnlyTheFirstDocumentAndEmptyAsNoValues() {
        assertThat(HelmYaml.readMap("a: 1\n---\nb: 2\n")).containsOnlyKeys("a");
        assertThat(HelmYaml.readMap("")).isEmpty();
        assertThat(HelmYaml.readMap("# only a comment\n")).isEmpty();
    }

    @Test
    void reportsTheLineOfASyntaxError() {
        assertThatThrownBy(() -> HelmYaml.readMap("server:\n  ha:\n    enabled: true\n   replicas: 3\n"))
                .isInstanceOf(HelmYaml.Problem.class)
                .hasMessageContaining("line 4");
    }

    @Test
    void rejectsATopLevelListWithItsPosition() {
        assertThatThrownBy(() -> HelmYaml.readMap("- a\n- b\n"))
                .isInstanceOf(HelmYaml.Problem.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("expected a mapping")
                .hasMessageContaining("a list");
    }
}
