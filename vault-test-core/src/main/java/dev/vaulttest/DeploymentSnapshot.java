package dev.vaulttest;

import dev.vaulttest.vault.AutopilotState;
import dev.vaulttest.vault.RaftConfiguration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A Vault deployment as observed at one moment. Assertions and diagnostics work on snapshots, so a
 * failure message can show every node at once rather than the first mismatch.
 *
 * @param namespace the Kubernetes namespace of the release
 * @param release the Helm release name
 * @param takenAt when the snapshot was taken
 * @param expectedReplicas how many Vault nodes the deployment should have
 * @param nodes every node, in pod-name order
 * @param raft the raft configuration as the active node reports it; empty without raft or without an active node
 * @param autopilot the autopilot state; empty without raft, without an active node, or before Vault 1.7
 */
public record DeploymentSnapshot(String namespace, String release, Instant takenAt, int expectedReplicas,
        List<NodeSnapshot> nodes, Optional<RaftConfiguration> raft, Optional<AutopilotState> autopilot) {

    /**
     * Validates and copies the components.
     *
     * @param namespace the namespace
     * @param release the release name
     * @param takenAt when the snapshot was taken
     * @param expectedReplicas the expected node count
     * @param nodes every node
     * @param raft the raft configuration
     * @param autopilot the autopilot state
     */
    public DeploymentSnapshot {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(takenAt, "takenAt");
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(raft, "raft");
        Objects.requireNonNull(autopilot, "autopilot");
    }

    /**
     * The node with the given pod name.
     *
     * @param name the pod name
     * @return the node, or empty when the snapshot has no such node
     */
    public Optional<NodeSnapshot> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /**
     * Nodes in the given role.
     *
     * @param role the role
     * @return the matching nodes, possibly none
     */
    public List<NodeSnapshot> nodesIn(NodeRole role) {
        return nodes.stream().filter(n -> n.role() == role).toList();
    }

    /**
     * The active node, when exactly one node is active.
     *
     * @return the single active node; empty when none or several are active
     */
    public Optional<NodeSnapshot> active() {
        List<NodeSnapshot> active = nodesIn(NodeRole.ACTIVE);
        return active.size() == 1 ? Optional.of(active.get(0)) : Optional.empty();
    }

    /**
     * A multi-line description of every node, for failure messages.
     *
     * @return one line per node; never contains secrets
     */
    public String describe() {
        return nodes.stream().map(n -> "  " + n.describe()).collect(Collectors.joining("\n",
                "deployment " + namespace + "/" + release + " (" + nodes.size() + " of " + expectedReplicas
                        + " nodes) at " + takenAt + ":\n", ""));
    }
}
