package dev.vaulttest.engine;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeRole;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.vault.KvSecret;
import dev.vaulttest.vault.RaftConfiguration.RaftServer;
import dev.vaulttest.vault.VaultApiException;
import dev.vaulttest.vault.VaultNodeClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The condition a deployment must meet before a test may use it: every expected node unsealed, exactly one
 * active node, the expected raft voters, and a kv-v2 write and read round trip through the active node on the
 * mount {@value #CANARY_MOUNT}.
 */
final class ReadyGate {

    /** The kv-v2 mount the library writes its canary secret to. */
    static final String CANARY_MOUNT = "vault-test-canary";

    static final String CANARY_PATH = "ready";

    private final DeploymentPlan plan;

    ReadyGate(DeploymentPlan plan) {
        this.plan = plan;
    }

    /**
     * What a snapshot lacks for the gate, without the canary.
     *
     * @param snapshot the deployment now
     * @return the problems, empty when the nodes meet the gate
     */
    Optional<String> nodeProblems(DeploymentSnapshot snapshot) {
        if (snapshot.nodes().size() != plan.replicas()) {
            return Optional.of("expected " + plan.replicas() + " node(s), saw " + snapshot.nodes().size());
        }
        List<String> sealed = snapshot.nodes().stream().filter(n -> !n.isUnsealed()).map(NodeSnapshot::name).toList();
        if (!sealed.isEmpty()) {
            return Optional.of("not unsealed: " + sealed);
        }
        List<String> active = snapshot.nodesIn(NodeRole.ACTIVE).stream().map(NodeSnapshot::name).toList();
        if (active.size() != 1) {
            return Optional.of("expected exactly one active node, saw " + (active.isEmpty() ? "none" : active));
        }
        if (plan.raft()) {
            if (snapshot.raft().isEmpty()) {
                return Optional.of("the raft configuration could not be read from the active node");
            }
            List<RaftServer> servers = snapshot.raft().get().servers();
            long voters = servers.stream().filter(RaftServer::voter).count();
            if (voters != plan.replicas()) {
                return Optional.of("expected " + plan.replicas() + " raft voter(s), the configuration lists "
                        + servers.stream().map(s -> s.nodeId() + (s.voter() ? "" : " (non-voter)"))
                                .collect(Collectors.joining(", ", "[", "]")));
            }
        }
        return Optional.empty();
    }

    /**
     * Writes a canary secret through the active node and reads it back, enabling the canary mount first.
     *
     * @param active a root client of the active node
     * @return empty when the round trip worked, else what went wrong
     */
    Optional<String> canary(VaultNodeClient active) {
        // Enabled on every check, not once: after lost volumes or a dev-mode restart the mount is gone.
        try {
            active.enableKvV2(CANARY_MOUNT);
        } catch (VaultApiException e) {
            if (!e.hasError("already in use")) {
                throw e;
            }
        }
        String written = Instant.now().toString();
        active.putSecret(CANARY_MOUNT, CANARY_PATH, Map.of("checked-at", written));
        Optional<KvSecret> read = active.getSecret(CANARY_MOUNT, CANARY_PATH);
        String seen = read.map(s -> s.data().get("checked-at")).map(String::valueOf).orElse(null);
        if (!written.equals(seen)) {
            return Optional.of("the canary write/read through " + active.endpoint().nodeName() + " returned "
                    + (seen == null ? "nothing" : "'" + seen + "'") + " instead of '" + written + "'");
        }
        return Optional.empty();
    }
}
