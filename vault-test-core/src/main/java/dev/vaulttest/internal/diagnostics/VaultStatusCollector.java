package dev.vaulttest.internal.diagnostics;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.vault.HealthStatus;
import dev.vaulttest.vault.RaftConfiguration.RaftServer;
import dev.vaulttest.vault.SealStatus;

/** Writes each node's seal status and health, and the raft peers and autopilot state the active node reports. */
final class VaultStatusCollector implements Collector {

    @Override
    public String name() {
        return "vault-status";
    }

    @Override
    public void collect(VaultEnvironment environment, Output out) {
        DeploymentSnapshot snapshot = environment.snapshot();
        StringBuilder text = new StringBuilder(snapshot.describe()).append("\n");
        for (NodeSnapshot node : snapshot.nodes()) {
            text.append("\n[").append(node.name()).append("]\n");
            node.sealStatus().ifPresent(s -> text.append(seal(s)));
            node.health().ifPresent(h -> text.append(health(h)));
            node.unreachableReason().ifPresent(r -> text.append("unreachable: ").append(r).append('\n'));
        }
        text.append("\n[raft peers]\n");
        snapshot.raft().ifPresentOrElse(raft -> {
            text.append("index ").append(raft.index()).append('\n');
            for (RaftServer server : raft.servers()) {
                text.append(server.nodeId()).append("  ").append(server.address())
                        .append(server.leader() ? "  leader" : "  follower")
                        .append(server.voter() ? "  voter" : "  non-voter").append('\n');
            }
        }, () -> text.append("not available (no raft storage, no single active node, or not initialised)\n"));
        snapshot.autopilot().ifPresent(a -> text.append("\n[autopilot]\n").append(a).append('\n'));
        out.write("vault-status.txt", text.toString());
    }

    private static String seal(SealStatus s) {
        return "seal: type=" + s.type() + " initialized=" + s.initialized() + " sealed=" + s.sealed() + " t/n="
                + s.threshold() + "/" + s.shares() + " progress=" + s.progress() + " version=" + s.version()
                + " storage=" + s.storageType() + s.clusterName().map(n -> " cluster=" + n).orElse("")
                + s.removedFromCluster().map(r -> " removedFromCluster=" + r).orElse("") + "\n";
    }

    private static String health(HealthStatus h) {
        return "health: " + h.httpStatus() + " " + h.state() + " standby=" + h.standby()
                + h.haConnectionHealthy().map(c -> " haConnectionHealthy=" + c).orElse("") + "\n";
    }
}
