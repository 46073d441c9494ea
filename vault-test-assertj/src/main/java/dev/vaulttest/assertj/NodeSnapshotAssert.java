package dev.vaulttest.assertj;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeSnapshot;

/**
 * Assertions on a {@link NodeSnapshot}; see {@link AbstractNodeSnapshotAssert} for the methods. Extend
 * {@link AbstractNodeSnapshotAssert} to add your own.
 */
public class NodeSnapshotAssert extends AbstractNodeSnapshotAssert<NodeSnapshotAssert> {

    /**
     * Creates assertions on a node. Prefer {@link VaultAssertions#assertThat(NodeSnapshot)}.
     *
     * @param actual the node to check, may be {@code null} (assertions then fail)
     */
    public NodeSnapshotAssert(NodeSnapshot actual) {
        super(actual, NodeSnapshotAssert.class, null);
    }

    NodeSnapshotAssert(NodeSnapshot actual, DeploymentSnapshot deployment) {
        super(actual, NodeSnapshotAssert.class, deployment);
    }
}
