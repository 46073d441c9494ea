package dev.vaulttest.engine;

import dev.vaulttest.engine.VaultValuesView.Mode;
import dev.vaulttest.internal.NestedMaps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fits the pod scheduling values to the cluster's nodes: relaxes required pod anti-affinity when there are fewer
 * nodes than replicas, and reports node selectors, required node affinity, spread constraints and priority
 * classes that no node or object of the cluster satisfies. Tolerations are not checked: they only allow more
 * nodes, never fewer.
 */
final class SchedulingFit {

    private static final String REQUIRED = "requiredDuringSchedulingIgnoredDuringExecution";
    private static final String PLACEHOLDER = "TEMPLATE";

    private SchedulingFit() {
    }

    static void apply(VaultValuesView view, ClusterFit.Context in, OverlayBuilder out) {
        Mode mode = view.mode();
        if (mode == Mode.EXTERNAL) {
            return;
        }
        List<Map<String, String>> nodes = in.facts().nodeLabels();
        if (mode != Mode.DEV) {
            Optional<Map<String, Object>> affinity = view.affinity();
            affinity.ifPresent(a -> relaxAntiAffinity(view, a, view.replicas(), nodes.size(), out));
            affinity.ifPresent(a -> checkNodeAffinity(a, nodes, out));
            checkSpread(view.topologySpreadConstraints(), nodes, out);
        }
        checkNodeSelector(view.nodeSelector(), nodes, out);
        view.priorityClassName().filter(p -> !in.facts().priorityClasses().contains(p)).ifPresent(p -> out.problem(
                "server.priorityClassName", "PriorityClass '" + p + "' does not exist in " + in.clusterDescription()
                        + ", so Kubernetes refuses to create the Vault pods.",
                "Override server.priorityClassName in a test values layer, or create the PriorityClass first."));
    }

    @SuppressWarnings("unchecked")
    private static void relaxAntiAffinity(VaultValuesView view, Map<String, Object> affinity, int replicas,
            int nodeCount, OverlayBuilder out) {
        Object required = NestedMaps.get(affinity, "podAntiAffinity", REQUIRED).orElse(null);
        if (!(required instanceof List<?> terms) || terms.isEmpty() || replicas <= nodeCount) {
            return;
        }
        String reason = "required pod anti-affinity (" + topologyKeys((List<Object>) terms) + ") needs " + replicas
                + " nodes for " + replicas + " replicas but the cluster has " + nodeCount + "; relaxed so every replica"
                + " can be scheduled";
        Object raw = NestedMaps.get(view.raw(), "server", "affinity").orElse(null);
        if (raw instanceof Map<?, ?>) {
            out.set(reason + " (the rest of the team's affinity is kept)", null,
                    "server", "affinity", "podAntiAffinity", REQUIRED);
            return;
        }
        Map<String, Object> rest = NestedMaps.deepCopy(affinity);
        Map<String, Object> anti = (Map<String, Object>) rest.get("podAntiAffinity");
        anti.remove(REQUIRED);
        if (anti.isEmpty()) {
            rest.remove("podAntiAffinity");
        }
        if (rest.isEmpty()) {
            out.set(reason, "", "server", "affinity");
        } else if (!Serialization.asYaml(rest).contains(PLACEHOLDER)) {
            out.set(reason + " (the rest of the team's affinity is kept)", Serialization.asYaml(rest),
                    "server", "affinity");
        } else {
            out.set(reason + "; the team's other affinity rules use Helm templates and were dropped with it", "",
                    "server", "affinity");
        }
    }

    private static String topologyKeys(List<Object> terms) {
        return terms.stream().filter(Map.class::isInstance).map(t -> String.valueOf(((Map<?, ?>) t).get("topologyKey")))
                .distinct().reduce((a, b) -> a + ", " + b).map(k -> "topologyKey " + k).orElse("no topologyKey");
    }

    @SuppressWarnings("unchecked")
    private static void checkNodeAffinity(Map<String, Object> affinity, List<Map<String, String>> nodes,
            OverlayBuilder out) {
        List<Object> terms = NestedMaps.list(affinity, "nodeAffinity", REQUIRED, "nodeSelectorTerms");
        if (terms.isEmpty() || Serialization.asYaml(terms).contains(PLACEHOLDER)) {
            return;
        }
        boolean satisfiable = nodes.stream().anyMatch(node -> terms.stream().filter(Map.class::isInstance)
                .anyMatch(term -> termMatches((Map<String, Object>) term, node)));
        if (!satisfiable) {
            out.problem("server.affinity", "required node affinity " + terms + " matches none of the cluster's "
                            + nodes.size() + " node(s), so the Vault pods would stay Pending.",
                    "Override server.affinity in a test values layer (for example server.affinity: \"\").");
        }
    }

    /**
     * Whether a node selector term matches a node's labels. An empty term matches nothing (Kubernetes' rule); a
     * term with only {@code matchFields} cannot be judged from labels and counts as a match.
     */
    @SuppressWarnings("unchecked")
    private static boolean termMatches(Map<String, Object> term, Map<String, String> labels) {
        List<Object> expressions = NestedMaps.list(term, "matchExpressions");
        if (expressions.isEmpty()) {
            return !NestedMaps.list(term, "matchFields").isEmpty();
        }
        return expressions.stream().allMatch(e -> e instanceof Map<?, ?> m
                && expressionMatches((Map<String, Object>) m, labels));
    }

    private static boolean expressionMatches(Map<String, Object> expression, Map<String, String> labels) {
        String key = String.valueOf(expression.get("key"));
        List<String> values = NestedMaps.list(expression, "values").stream().map(String::valueOf).toList();
        String value = labels.get(key);
        return switch (String.valueOf(expression.get("operator"))) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            case "Gt" -> value != null && !values.isEmpty() && compare(value, values.get(0)) > 0;
            case "Lt" -> value != null && !values.isEmpty() && compare(value, values.get(0)) < 0;
            default -> true;
        };
    }

    private static int compare(String label, String bound) {
        try {
            return Long.compare(Long.parseLong(label), Long.parseLong(bound));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void checkNodeSelector(Map<String, Object> selector, List<Map<String, String>> nodes,
            OverlayBuilder out) {
        if (selector.isEmpty()) {
            return;
        }
        boolean satisfiable = nodes.stream().anyMatch(node -> selector.entrySet().stream()
                .allMatch(e -> String.valueOf(e.getValue()).equals(node.get(e.getKey()))));
        if (!satisfiable) {
            out.problem("server.nodeSelector", "node selector " + selector + " matches none of the cluster's "
                            + nodes.size() + " node(s), so the Vault pods would stay Pending.",
                    "Override server.nodeSelector in a test values layer (server.nodeSelector: null).");
        }
    }

    private static void checkSpread(List<Map<String, Object>> constraints, List<Map<String, String>> nodes,
            OverlayBuilder out) {
        for (Map<String, Object> constraint : constraints) {
            String key = String.valueOf(constraint.get("topologyKey"));
            boolean hard = "DoNotSchedule".equals(String.valueOf(constraint.getOrDefault("whenUnsatisfiable",
                    "DoNotSchedule")));
            if (hard && nodes.stream().noneMatch(n -> n.containsKey(key))) {
                out.problem("server.topologySpreadConstraints", "a DoNotSchedule spread constraint on topologyKey "
                                + key + " cannot be met: no node of the cluster has that label, so the pods would stay"
                                + " Pending.",
                        "Override server.topologySpreadConstraints in a test values layer, or use"
                                + " whenUnsatisfiable: ScheduleAnyway.");
            }
        }
    }
}
