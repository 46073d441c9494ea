package dev.vaulttest.assertj.error;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeRole;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.vault.SealStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Known causes of what a snapshot shows, phrased as what to do. */
final class Hints {

    static final String SHAMIR = "nodes need unsealing after every restart; consider auto-unseal";

    static final String DEV_MODE = "dev mode keeps secrets in memory: a restart loses every secret, and the root"
            + " token is well known; set server.dev.enabled=false and keep storage on a persistent volume";

    static final String NO_LEADER = "no leader: raft elects one only while more than half of the voters are"
            + " unsealed and reach each other on the cluster port (8201); look at the sealed and unreachable nodes";

    static final String KMS = "with auto-unseal a node that cannot reach its KMS stays sealed or exits at start and"
            + " crash-loops; check the KMS endpoint, its credentials and any NetworkPolicy between Vault and the KMS";

    static final String UNINITIALIZED = "an uninitialised node was never initialised or joined, or lost its"
            + " storage; with raft it must join the cluster again (retry_join or 'vault operator raft join')";

    static final String MIXED_VERSIONS = "the nodes run different versions: with updateStrategy OnDelete a pod keeps"
            + " its old version until it is deleted; delete the standbys first and the active node last";

    static final String STORAGE_LOST = "every canary is gone: the data path is not on a volume that outlives the"
            + " pod (emptyDir or container filesystem), or the claim was deleted and its StorageClass deletes volumes";

    private Hints() {
    }

    /**
     * The hints that explain the state of a deployment: sealed under Shamir, KMS trouble under auto-unseal,
     * no leader, uninitialised nodes, dev mode.
     */
    static List<String> forState(DeploymentSnapshot snapshot) {
        List<String> hints = new ArrayList<>();
        List<NodeSnapshot> nodes = snapshot.nodes();
        boolean sealed = nodes.stream().anyMatch(n -> n.role() == NodeRole.SEALED);
        boolean shamir = nodes.stream().map(NodeSnapshot::sealStatus).flatMap(Optional::stream)
                .anyMatch(s -> s.type().equals("shamir") && !s.isInMemoryStorage());
        boolean autoUnseal = nodes.stream().map(NodeSnapshot::sealStatus).flatMap(Optional::stream)
                .anyMatch(SealStatus::isAutoUnseal);
        boolean unreachable = nodes.stream().anyMatch(n -> n.role() == NodeRole.UNREACHABLE);
        if (sealed && shamir) {
            hints.add(SHAMIR);
        }
        if (autoUnseal && (sealed || unreachable)) {
            hints.add(KMS);
        }
        boolean anyInitialised = nodes.stream().map(NodeSnapshot::sealStatus).flatMap(Optional::stream)
                .anyMatch(SealStatus::initialized);
        if (!nodes.isEmpty() && anyInitialised && snapshot.nodesIn(NodeRole.ACTIVE).isEmpty()) {
            hints.add(NO_LEADER);
        }
        if (nodes.stream().anyMatch(n -> n.role() == NodeRole.UNINITIALIZED)) {
            hints.add(UNINITIALIZED);
        }
        if (isDevMode(snapshot)) {
            hints.add(DEV_MODE);
        }
        return hints;
    }

    /** Whether any node reports in-memory storage, the dev-mode signature. */
    static boolean isDevMode(DeploymentSnapshot snapshot) {
        return snapshot.nodes().stream().map(NodeSnapshot::sealStatus).flatMap(Optional::stream)
                .anyMatch(SealStatus::isInMemoryStorage);
    }

    /** The state hints of a node, judged alone. */
    static List<String> forNode(NodeSnapshot node) {
        List<String> hints = new ArrayList<>();
        Optional<SealStatus> seal = node.sealStatus();
        if (node.role() == NodeRole.SEALED && seal.map(s -> s.type().equals("shamir")).orElse(false)) {
            hints.add(SHAMIR);
        }
        if (node.role() == NodeRole.SEALED && seal.map(SealStatus::isAutoUnseal).orElse(false)) {
            hints.add(KMS);
        }
        if (node.role() == NodeRole.UNINITIALIZED) {
            hints.add(UNINITIALIZED);
        }
        if (seal.map(SealStatus::isInMemoryStorage).orElse(false)) {
            hints.add(DEV_MODE);
        }
        return hints;
    }
}
