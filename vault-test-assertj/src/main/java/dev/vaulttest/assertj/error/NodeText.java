package dev.vaulttest.assertj.error;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeRole;
import dev.vaulttest.NodeSnapshot;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Short texts about nodes for the "but ..." line of a message. */
final class NodeText {

    private NodeText() {
    }

    static String subject(DeploymentSnapshot snapshot) {
        return "deployment " + snapshot.namespace() + "/" + snapshot.release();
    }

    static String subject(NodeSnapshot node, Optional<DeploymentSnapshot> deployment) {
        return "node " + node.name() + deployment.map(d -> " of " + subject(d)).orElse("");
    }

    static String observed(NodeSnapshot node, Optional<DeploymentSnapshot> deployment) {
        return deployment.map(DeploymentSnapshot::describe).orElseGet(() -> "node " + node.describe());
    }

    /** For example {@code vault-1 is SEALED (unseal progress 1/3)} or {@code vault-2 is UNREACHABLE (refused)}. */
    static String state(NodeSnapshot node) {
        StringBuilder text = new StringBuilder(node.name()).append(" is ").append(node.role());
        if (node.role() == NodeRole.SEALED) {
            node.sealStatus().ifPresent(s -> text.append(" (unseal progress ").append(s.progress()).append('/')
                    .append(s.threshold()).append(')'));
        }
        node.unreachableReason().ifPresent(reason -> text.append(" (").append(reason).append(')'));
        return text.toString();
    }

    static String states(List<NodeSnapshot> nodes) {
        return nodes.stream().map(NodeText::state).collect(Collectors.joining(", "));
    }

    /**
     * {@code 2 of 3 nodes were not: states}, {@code 1 of 3 nodes was not: state} or {@code the only node was not:
     * state}; {@code negation} is the words after the verb, such as {@code "not"}.
     */
    static String offenders(DeploymentSnapshot snapshot, List<NodeSnapshot> offenders, String negation) {
        String missing = missingNodes(snapshot);
        if (offenders.isEmpty()) {
            return missing;
        }
        String lead = snapshot.nodes().size() == 1 ? "the only node was " + negation + ": "
                : offenders.size() + " of " + snapshot.nodes().size() + " nodes " + (offenders.size() == 1 ? "was " : "were ")
                        + negation + ": ";
        return lead + states(offenders) + (missing.isEmpty() ? "" : "; " + missing);
    }

    /** Says when the snapshot has fewer nodes than the deployment should have, or the empty string. */
    static String missingNodes(DeploymentSnapshot snapshot) {
        int size = snapshot.nodes().size();
        return size < snapshot.expectedReplicas()
                ? "only " + size + " of the " + snapshot.expectedReplicas() + " expected nodes exist"
                : "";
    }

    /** {@code vault-0=shamir, vault-1=(no answer)} for a value every node reports. */
    static String perNode(DeploymentSnapshot snapshot, Function<NodeSnapshot, Optional<String>> value) {
        return snapshot.nodes().stream()
                .map(n -> n.name() + "=" + value.apply(n).orElse("(no answer)"))
                .collect(Collectors.joining(", "));
    }
}
