package dev.vaulttest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NestedMapsTest {

    private final Map<String, Object> values = Map.of(
            "server", Map.of(
                    "ha", Map.of("enabled", true, "replicas", 3),
                    "extraLabels", Map.of("app.kubernetes.io/part-of", "vault"),
                    "volumes", List.of(Map.of("name", "tls"))));

    @Test
    void readsNestedValuesAndKeysThatContainDots() {
        assertThat(NestedMaps.get(values, "server", "ha", "replicas")).contains(3);
        assertThat(NestedMaps.string(values, "server", "extraLabels", "app.kubernetes.io/part-of")).contains("vault");
        assertThat(NestedMaps.list(values, "server", "volumes")).hasSize(1);
        assertThat(NestedMaps.map(values, "server", "ha")).containsEntry("enabled", true);
    }

    @Test
    void missingPathsAndWrongShapesAreEmpty() {
        assertThat(NestedMaps.get(values, "server", "dev", "enabled")).isEmpty();
        assertThat(NestedMaps.get(values, "server", "ha", "replicas", "deeper")).isEmpty();
        assertThat(NestedMaps.string(values, "server", "ha")).isEmpty();
        assertThat(NestedMaps.map(values, "server", "volumes")).isEmpty();
        assertThat(NestedMaps.contains(values, "server", "ha", "enabled")).isTrue();
        assertThat(NestedMaps.contains(values, "server", "ha", "missing")).isFalse();
    }

    @Test
    void putCreatesIntermediateMapsAndKeepsExplicitNulls() {
        Map<String, Object> overlay = new LinkedHashMap<>();

        NestedMaps.put(overlay, "", "server", "affinity");
        NestedMaps.put(overlay, null, "server", "extraEnvironmentVars", "AWS_PROFILE");

        assertThat(overlay).isEqualTo(Map.of("server", Map.of(
                "affinity", "",
                "extraEnvironmentVars", nullValued("AWS_PROFILE"))));
        assertThat(NestedMaps.contains(overlay, "server", "extraEnvironmentVars", "AWS_PROFILE")).isTrue();
    }

    @Test
    void deepCopyIsIndependentOfTheOriginal() {
        Map<String, Object> copy = NestedMaps.deepCopy(values);

        NestedMaps.put(copy, 5, "server", "ha", "replicas");

        assertThat(NestedMaps.get(copy, "server", "ha", "replicas")).contains(5);
        assertThat(NestedMaps.get(values, "server", "ha", "replicas")).contains(3);
        assertThat(NestedMaps.dotted("server", "ha", "raft", "config")).isEqualTo("server.ha.raft.config");
    }

    private static Map<String, Object> nullValued(String key) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, null);
        return map;
    }
}
