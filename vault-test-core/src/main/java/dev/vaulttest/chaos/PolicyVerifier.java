package dev.vaulttest.chaos;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.cluster.KubernetesCluster;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks with canary pods that blocking policies work: once per cluster that a deny-all egress policy blocks a
 * pod at all (with a control pod that must connect), and per policy that a pod under an identical "twin" policy
 * cannot reach the destination the policy is meant to block while a control pod under no policy can.
 */
final class PolicyVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyVerifier.class);

    static final String NOT_ENFORCED_ADVICE = "The cluster stores NetworkPolicies but does not enforce them, so"
            + " blocking chaos cannot work here. On k3s the embedded policy controller (kube-router) needs iptables"
            + " and ipset support in the host kernel and is skipped silently without it (look for 'Skipping network"
            + " policy controller' in the k3s log), and it is off with --disable-network-policy; other clusters"
            + " need a CNI that implements NetworkPolicy (Calico, Cilium).";

    private final VaultEnvironment env;
    private final ChaosOptions options;
    private final Canary canary;
    private final PolicyCompiler compiler;

    PolicyVerifier(VaultEnvironment env, ChaosOptions options, PolicyCompiler compiler) {
        this.env = env;
        this.options = options;
        this.compiler = compiler;
        this.canary = new Canary(env::kubernetes, env.namespace(), options);
    }

    /** The once-per-cluster check; returns the (possibly remembered) result. */
    NetworkPolicyEnforcement.EnforcementCheck enforcement(URI reachable) {
        KubernetesCluster cluster = env.cluster();
        return options.policyEnforcement().checkOnce(cluster, () -> checkEnforcement(reachable));
    }

    private NetworkPolicyEnforcement.EnforcementCheck checkEnforcement(URI reachable) {
        Canary.Result control = canary.run(Canary.newId(), reachable, Canary.Expect.CONNECTED);
        if (!control.connected()) {
            throw new ChaosPreconditionException("Cannot tell whether NetworkPolicies are enforced: the control"
                    + " canary, under no policy, could not reach " + reachable + " either (" + control.detail()
                    + "). Check the cluster's pod network.");
        }
        PolicySpec denyAll = new PolicySpec("deny-all", List.of(), true, false, List.of(), List.of(),
                java.util.Optional.of(reachable), "all egress");
        Canary.Result policed = underTwin(denyAll, reachable, "enforcement-check");
        boolean enforced = !policed.connected();
        String detail = "control: " + control.detail() + "; under deny-all egress: " + policed.detail();
        LOG.info("NetworkPolicy enforcement on {}: {} ({})", env.cluster().description(),
                enforced ? "enforced" : "NOT enforced", detail);
        return new NetworkPolicyEnforcement.EnforcementCheck(enforced, detail);
    }

    /**
     * Runs a canary under no policy towards a destination: it must connect, or a blocked twin proves nothing (the
     * destination may simply be down: a sealed or restarting pod, a paused KMS).
     */
    Canary.Result control(URI destination) {
        return canary.run(Canary.newId(), destination, Canary.Expect.CONNECTED);
    }

    /** Runs a canary under a twin of the spec (same rules, selecting only the canary) towards the destination. */
    Canary.Result underTwin(PolicySpec spec, URI destination, String kind) {
        String id = Canary.newId();
        String twinName = "vt-canary-" + id;
        NetworkPolicy twin = compiler.compile(spec, twinName, env.namespace(),
                new LabelSelectorBuilder().withMatchLabels(Canary.labels(id)).build(), kind);
        env.kubernetes().network().v1().networkPolicies().inNamespace(env.namespace()).resource(twin).create();
        try {
            return canary.run(id, destination, Canary.Expect.BLOCKED);
        } finally {
            try {
                env.kubernetes().network().v1().networkPolicies().inNamespace(env.namespace()).withName(twinName)
                        .delete();
            } catch (RuntimeException e) {
                LOG.debug("Could not delete canary policy {}: {}", twinName, e.getMessage());
            }
        }
    }
}
