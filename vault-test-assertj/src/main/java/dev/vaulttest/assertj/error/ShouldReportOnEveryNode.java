package dev.vaulttest.assertj.error;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeSnapshot;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The shared shape of "every node should report this value": names the nodes that differ and lists the value of
 * every node.
 */
abstract class ShouldReportOnEveryNode extends VaultErrorMessage {

    ShouldReportOnEveryNode(DeploymentSnapshot snapshot, String what, String expected, List<NodeSnapshot> offenders,
            Function<NodeSnapshot, Optional<String>> value, List<String> hints) {
        super(NodeText.subject(snapshot), "to report " + what + " " + expected + " on every node",
                offenders.size() + " of " + snapshot.nodes().size() + (snapshot.nodes().size() == 1 ? " node" : " nodes")
                        + " did not ("
                        + offenders.stream().map(NodeSnapshot::name).toList() + "); " + what + " per node: "
                        + NodeText.perNode(snapshot, value),
                snapshot.describe(), hints);
    }
}
