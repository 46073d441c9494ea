package dev.vaulttest.check;

import dev.vaulttest.internal.rendered.RenderedDeployment;
import dev.vaulttest.internal.rendered.VaultServer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Rule#ONDELETE_UPGRADES}: the server StatefulSet uses the OnDelete update strategy, so a chart or image
 * upgrade restarts nothing until pods are deleted, in the documented order.
 */
final class OnDeleteUpgradesCheck implements RuleCheck {

    @Override
    public List<Finding> check(RenderedDeployment deployment, CheckOptions options) {
        List<Finding> findings = new ArrayList<>();
        for (VaultServer server : deployment.servers()) {
            var strategy = server.statefulSet().getSpec().getUpdateStrategy();
            if (strategy != null && "OnDelete".equals(strategy.getType())) {
                int replicas = server.replicas();
                String pods = replicas == 1
                        ? " its pod keeps the old version until it is deleted."
                        : " each of its " + replicas + " pods keeps the old version until it is deleted, which must"
                                + " happen standbys first and the active node last.";
                findings.add(Rule.ONDELETE_UPGRADES.finding(server.resource(), server.resource()
                        + " uses updateStrategy OnDelete: 'helm upgrade' changes the pod template but restarts no pod;"
                        + pods,
                        "Follow the documented upgrade procedure (delete standby pods one at a time, waiting for each"
                                + " to rejoin and unseal, then the active pod), or set"
                                + " server.updateStrategyType=RollingUpdate if you accept restarts in pod order."));
            }
        }
        return findings;
    }
}
