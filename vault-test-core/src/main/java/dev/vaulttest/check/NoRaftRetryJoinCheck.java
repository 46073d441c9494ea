package dev.vaulttest.check;

import dev.vaulttest.internal.rendered.RenderedDeployment;
import dev.vaulttest.internal.rendered.VaultServer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Rule#NO_RAFT_RETRY_JOIN}: a raft HA cluster whose raft stanza has no {@code retry_join} block, so new and
 * replaced pods must be joined by hand ({@code vault operator raft join}).
 */
final class NoRaftRetryJoinCheck implements RuleCheck {

    @Override
    public List<Finding> check(RenderedDeployment deployment, CheckOptions options) {
        List<Finding> findings = new ArrayList<>();
        for (VaultServer server : deployment.servers()) {
            RaftCluster.of(server, deployment)
                    .filter(cluster -> cluster.raft().nested("retry_join").isEmpty())
                    .ifPresent(cluster -> findings.add(Rule.NO_RAFT_RETRY_JOIN.finding(server.resource(),
                            "The raft storage of " + server.resource() + " (" + cluster.haEvidence() + ", "
                                    + server.configSource() + ") has no retry_join block: every new or replaced pod"
                                    + " must be joined by hand with 'vault operator raft join'.",
                            "Add retry_join { leader_api_addr = \"http://<release>-0.<release>-internal:8200\" } blocks"
                                    + " (one per replica, or auto_join) to the storage \"raft\" stanza in"
                                    + " server.ha.raft.config.")));
        }
        return findings;
    }
}
