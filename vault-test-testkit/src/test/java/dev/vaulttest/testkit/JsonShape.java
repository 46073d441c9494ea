package dev.vaulttest.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Compares the shape of two JSON documents: the same field names at every level and the same JSON types.
 * Values are not compared (ids, times and keys differ per run). Objects under {@code dataMaps} paths have
 * data as keys (node ids, secret fields): each of their values is compared with the recorded first value.
 */
final class JsonShape {

    private JsonShape() {
    }

    static List<String> differences(JsonNode recorded, JsonNode actual, Set<String> dataMaps) {
        List<String> problems = new ArrayList<>();
        compare("", recorded, actual, dataMaps, problems);
        return problems;
    }

    private static void compare(String path, JsonNode recorded, JsonNode actual, Set<String> dataMaps,
            List<String> problems) {
        String where = path.isEmpty() ? "/" : path;
        if (!type(recorded).equals(type(actual))) {
            problems.add(where + ": recorded " + type(recorded) + " but the double sent " + type(actual));
            return;
        }
        if (recorded.isObject()) {
            if (dataMaps.contains(where)) {
                JsonNode sample = recorded.values().stream().findFirst().orElse(null);
                if (sample != null) {
                    for (Map.Entry<String, JsonNode> entry : actual.properties()) {
                        compare(path + "/" + entry.getKey(), sample, entry.getValue(), dataMaps, problems);
                    }
                }
                return;
            }
            Set<String> expected = new TreeSet<>(recorded.propertyNames());
            Set<String> seen = new TreeSet<>(actual.propertyNames());
            for (String name : expected) {
                if (!seen.contains(name)) {
                    problems.add(where + ": field '" + name + "' is documented but the double omits it");
                }
            }
            for (String name : seen) {
                if (!expected.contains(name)) {
                    problems.add(where + ": the double sends undocumented field '" + name + "'");
                }
            }
            for (String name : expected) {
                if (seen.contains(name)) {
                    compare(path + "/" + name, recorded.get(name), actual.get(name), dataMaps, problems);
                }
            }
        } else if (recorded.isArray() && !recorded.isEmpty()) {
            for (int i = 0; i < actual.size(); i++) {
                compare(path + "/" + i, recorded.get(0), actual.get(i), dataMaps, problems);
            }
        }
    }

    private static String type(JsonNode node) {
        if (node.isIntegralNumber()) {
            return "integer";
        }
        if (node.isNumber()) {
            return "number";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
