package dev.vaulttest.check;

import dev.vaulttest.internal.rendered.RenderedDeployment;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Rule#UNSATISFIABLE_ANTI_AFFINITY}: a StatefulSet or Deployment whose required pod anti-affinity on
 * {@code kubernetes.io/hostname} selects its own pods (so at most one pod per node) has more replicas than the
 * cluster has nodes. Evaluated only when {@link CheckOptions#nodeCount()} is given.
 */
final class AntiAffinityCheck implements RuleCheck {

    static final String HOSTNAME_TOPOLOGY = "kubernetes.io/hostname";

    @Override
    public List<Finding> check(RenderedDeployment deployment, CheckOptions options) {
        if (options.nodeCount().isEmpty()) {
            return List.of();
        }
        int nodes = options.nodeCount().getAsInt();
        List<Finding> findings = new ArrayList<>();
        for (Workload workload : Workload.of(deployment.manifests())) {
            int replicas;
            if (workload.object() instanceof StatefulSet sts) {
                replicas = Optional.ofNullable(sts.getSpec().getReplicas()).orElse(1);
            } else if (workload.object() instanceof Deployment d) {
                replicas = Optional.ofNullable(d.getSpec().getReplicas()).orElse(1);
            } else {
                continue;
            }
            if (replicas <= nodes || !onePodPerNode(workload)) {
                continue;
            }
            int pending = replicas - nodes;
            boolean server = "server".equals(workload.podLabels().get("component"));
            findings.add(Rule.UNSATISFIABLE_ANTI_AFFINITY.finding(workload.resource(), workload.resource()
                    + " wants " + replicas + " replicas, but its required pod anti-affinity on " + HOSTNAME_TOPOLOGY
                    + " allows one of its pods per node and the cluster has " + nodes + " node" + (nodes == 1 ? "" : "s")
                    + ": " + pending + " pod" + (pending == 1 ? " stays" : "s stay") + " Pending.",
                    server
                            ? "Run at least " + replicas + " nodes, lower server.ha.replicas, or relax server.affinity"
                                    + " (preferredDuringScheduling..., or server.affinity=\"\" on a test cluster)."
                            : "Run at least " + replicas + " nodes, lower injector.replicas, or relax"
                                    + " injector.affinity."));
        }
        return findings;
    }

    private static boolean onePodPerNode(Workload workload) {
        if (workload.pod().getAffinity() == null || workload.pod().getAffinity().getPodAntiAffinity() == null) {
            return false;
        }
        List<PodAffinityTerm> terms = workload.pod().getAffinity().getPodAntiAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution();
        return terms != null && terms.stream().anyMatch(t -> HOSTNAME_TOPOLOGY.equals(t.getTopologyKey())
                && LabelSelectors.matches(t.getLabelSelector(), workload.podLabels()));
    }
}
