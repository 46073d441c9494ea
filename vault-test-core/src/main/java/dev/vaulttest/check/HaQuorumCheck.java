package dev.vaulttest.check;

import dev.vaulttest.internal.rendered.RenderedDeployment;
import dev.vaulttest.internal.rendered.VaultServer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Rule#HA_QUORUM}: a raft HA cluster whose voter count (its replicas) is below 3 or even, so it tolerates
 * no failure, or no more failures than one voter fewer would.
 */
final class HaQuorumCheck implements RuleCheck {

    @Override
    public List<Finding> check(RenderedDeployment deployment, CheckOptions options) {
        List<Finding> findings = new ArrayList<>();
        for (VaultServer server : deployment.servers()) {
            RaftCluster.of(server, deployment).ifPresent(cluster -> {
                int voters = server.replicas();
                if (voters >= 3 && voters % 2 == 1) {
                    return;
                }
                int quorum = voters / 2 + 1;
                int tolerated = Math.max(0, voters - quorum);
                String why;
                if (voters == 0) {
                    why = "with no voter the cluster cannot elect a leader";
                } else if (voters < 3) {
                    why = "with fewer than 3 voters, losing any one pod loses quorum and Vault stops serving";
                } else {
                    why = "an even number of voters tolerates no more failures (" + tolerated + ") than "
                            + (voters - 1) + " voters would, and splits votes more easily";
                }
                findings.add(Rule.HA_QUORUM.finding(server.resource(), server.resource() + " runs raft HA ("
                        + cluster.haEvidence() + ") with " + voters + " voter" + (voters == 1 ? "" : "s")
                        + " (quorum " + quorum + "): " + why + ".",
                        "Set server.ha.replicas to an odd number of at least 3 (3 or 5)."));
            });
        }
        return findings;
    }
}
