package dev.vaulttest.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JsonShapeTest {

    private static JsonNode json(String text) {
        return Reply.JSON.readTree(text);
    }

    @Test
    void reportsAFieldTheDoubleOmits() {
        assertThat(JsonShape.differences(json("{\"a\":1,\"b\":true}"), json("{\"a\":2}"), Set.of()))
                .containsExactly("/: field 'b' is documented but the double omits it");
    }

    @Test
    void reportsAnUndocumentedField() {
        assertThat(JsonShape.differences(json("{\"a\":1}"), json("{\"a\":2,\"c\":\"x\"}"), Set.of()))
                .containsExactly("/: the double sends undocumented field 'c'");
    }

    @Test
    void reportsATypeChangeInsideArraysAndObjects() {
        assertThat(JsonShape.differences(json("{\"s\":[{\"v\":\"3\"}]}"), json("{\"s\":[{\"v\":3}]}"), Set.of()))
                .containsExactly("/s/0/v: recorded string but the double sent integer");
    }

    @Test
    void comparesEveryEntryOfADataMapWithTheRecordedSample() {
        JsonNode recorded = json("{\"servers\":{\"a\":{\"id\":\"a\"}}}");
        JsonNode actual = json("{\"servers\":{\"x\":{\"id\":\"x\"},\"y\":{\"id\":1}}}");

        assertThat(JsonShape.differences(recorded, actual, Set.of("/servers")))
                .containsExactly("/servers/y/id: recorded string but the double sent integer");
    }

    @Test
    void acceptsEqualShapesWithDifferentValues() {
        assertThat(JsonShape.differences(json("{\"a\":1,\"b\":[\"x\"]}"), json("{\"a\":7,\"b\":[\"y\",\"z\"]}"),
                Set.of())).isEmpty();
    }
}
