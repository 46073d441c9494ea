package dev.vaulttest.check;

import dev.vaulttest.internal.rendered.RenderedDeployment;
import dev.vaulttest.internal.rendered.VaultConfig;
import dev.vaulttest.internal.rendered.VaultServer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.Map;
import java.util.Optional;

/**
 * A server that forms a raft cluster: raft storage (or raft {@code ha_storage}), run as HA, that is with more than
 * one replica or with a PodDisruptionBudget over its pods (the chart renders one only in HA mode).
 *
 * @param server the server
 * @param raft the raft stanza
 * @param haEvidence why the server counts as HA, for messages
 */
record RaftCluster(VaultServer server, VaultConfig.Block raft, String haEvidence) {

    static Optional<RaftCluster> of(VaultServer server, RenderedDeployment deployment) {
        Optional<VaultConfig> config = server.effectiveConfig();
        if (config.isEmpty()) {
            return Optional.empty();
        }
        Optional<VaultConfig.Block> raft = config.get().storage().filter(b -> b.type().equals("raft"))
                .or(() -> config.get().blocks("ha_storage").stream().filter(b -> b.type().equals("raft")).findFirst());
        if (raft.isEmpty()) {
            return Optional.empty();
        }
        if (server.replicas() != 1) {
            return Optional.of(new RaftCluster(server, raft.get(), server.replicas() + " replicas"));
        }
        Map<String, String> podLabels = server.statefulSet().getSpec().getTemplate().getMetadata() == null ? Map.of()
                : Optional.ofNullable(server.statefulSet().getSpec().getTemplate().getMetadata().getLabels())
                        .orElse(Map.of());
        return deployment.manifests().all(PodDisruptionBudget.class).stream()
                .filter(pdb -> pdb.getSpec() != null && LabelSelectors.matches(pdb.getSpec().getSelector(), podLabels))
                .findFirst()
                .map(pdb -> new RaftCluster(server, raft.get(), "1 replica with PodDisruptionBudget/"
                        + pdb.getMetadata().getName() + " (HA mode)"));
    }
}
