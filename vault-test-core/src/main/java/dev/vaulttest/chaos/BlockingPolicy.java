package dev.vaulttest.chaos;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.base.WaitTimeoutException;
import dev.vaulttest.internal.Wait;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blocking NetworkPolicies on Vault pods; closing deletes them. Before applying, the cluster's enforcement is
 * checked once with canary pods ({@link NetworkPolicyNotEnforcedException} when policies are stored but not
 * enforced); after applying, each policy with a known destination is checked by a canary under an identical
 * policy.
 *
 * <p>Existing connections survive a new policy: the policy controller accepts packets of established flows, so
 * Raft connections, request forwarding and keep-alive connections already open keep working. Only new
 * connections are blocked; {@link #restartSelectedPods(Grace)} makes the selected Vault pods start over under the
 * policy.
 */
public final class BlockingPolicy extends AbstractDisruption {

    /** The note every blocking policy carries. */
    public static final String EXISTING_CONNECTIONS_NOTE = "existing connections survive a new NetworkPolicy; only"
            + " new connections are blocked (restart the selected pods to drop open ones)";
    private static final Logger LOG = LoggerFactory.getLogger(BlockingPolicy.class);

    private final List<PolicySpec> specs;
    private List<NetworkPolicy> applied = List.of();

    private BlockingPolicy(VaultEnvironment env, ChaosOptions options, String kind, List<PolicySpec> specs) {
        super(env, options, kind, "networkpolicy/" + String.join(",", specs.stream().map(PolicySpec::name).toList()));
        this.specs = List.copyOf(specs);
    }

    static BlockingPolicy apply(VaultEnvironment env, ChaosOptions options, String kind, List<PolicySpec> specs) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("A blocking policy needs at least one policy spec");
        }
        BlockingPolicy policy = new BlockingPolicy(env, options, kind, specs);
        policy.run();
        return policy;
    }

    private void run() {
        ClusterAddresses addresses = new ClusterAddresses(env.kubernetes());
        PolicyCompiler compiler = new PolicyCompiler(addresses.podCidrs());
        PolicyVerifier verifier = new PolicyVerifier(env, options, compiler);
        URI reachable = addresses.apiServiceUrl();
        NetworkPolicyEnforcement.EnforcementCheck enforcement = verifier.enforcement(reachable);
        if (!enforcement.enforced()) {
            String expected = "a canary under a deny-all egress policy unable to reach " + reachable;
            var measurement = notEffectiveMeasurement(expected, enforcement.detail());
            throw new NetworkPolicyNotEnforcedException(measurement, expected, enforcement.detail(),
                    PolicyVerifier.NOT_ENFORCED_ADVICE);
        }
        ReleaseObjects release = new ReleaseObjects(env);
        List<NetworkPolicy> created = new ArrayList<>();
        markApplied(now());
        for (PolicySpec spec : specs) {
            NetworkPolicy policy = compiler.compile(spec, spec.name(), env.namespace(),
                    PolicyCompiler.vaultPods(release.serverPodLabels(), spec.selectedNodes()), kind());
            created.add(env.kubernetes().network().v1().networkPolicies().inNamespace(env.namespace())
                    .resource(policy).create());
            synchronized (this) {
                applied = List.copyOf(created);
            }
        }
        List<String> seen = new ArrayList<>(List.of("enforced on this cluster (" + enforcement.detail() + ")"));
        List<String> expected = new ArrayList<>(List.of("policies enforced"));
        if (options.verifyEachPolicy()) {
            for (PolicySpec spec : specs) {
                if (spec.probe().isEmpty()) {
                    continue;
                }
                URI destination = spec.probe().get();
                Canary.Result control = verifier.control(destination);
                if (!control.connected()) {
                    healAfterFailedVerification();
                    throw new ChaosPreconditionException("Cannot verify " + spec.name() + ": a control canary under no"
                            + " policy could not reach " + destination + " either (" + control.detail() + "), so a"
                            + " blocked canary under the policy would prove nothing. The destination is down or"
                            + " unreachable (a sealed or restarting pod, a paused KMS); apply the policy while it"
                            + " answers, or turn the per-policy check off (ChaosOptions verifyEachPolicy(false)).");
                }
                String wanted = "a pod under " + spec.name() + "'s rules unable to open a connection to " + destination
                        + " that a pod under no policy reaches";
                Canary.Result result = verifier.underTwin(spec, destination, kind());
                if (result.connected()) {
                    throw notEffective(wanted, result.detail(), "The policy's rules do not block " + spec.blocks()
                            + " on this cluster; the destination may be reached through an address the rules do not"
                            + " name (check how the cluster translates Service addresses).");
                }
                expected.add(wanted);
                seen.add("control: " + control.detail() + "; under the policy: " + result.detail());
            }
        }
        markVerified(String.join("; ", expected), String.join("; ", seen));
        LOG.warn("{} applied: {}", target(), EXISTING_CONNECTIONS_NOTE);
    }

    @Override
    Optional<Instant> heal() {
        List<NetworkPolicy> toDelete;
        synchronized (this) {
            toDelete = applied;
        }
        if (toDelete.isEmpty()) {
            return Optional.empty();
        }
        for (NetworkPolicy policy : toDelete) {
            env.kubernetes().network().v1().networkPolicies().inNamespace(env.namespace())
                    .withName(policy.getMetadata().getName()).delete();
        }
        List<String> names = toDelete.stream().map(p -> p.getMetadata().getName()).toList();
        try {
            Wait.until("NetworkPolicies " + names + " deleted", options.faultTimeout(), options.pollInterval(),
                    () -> names.stream().filter(name -> env.kubernetes().network().v1().networkPolicies()
                            .inNamespace(env.namespace()).withName(name).get() != null).toList(),
                    List::isEmpty, left -> "still present: " + left);
        } catch (WaitTimeoutException e) {
            throw new VaultTestException("Deleted the blocking NetworkPolicies, but " + e.lastObserved(), e);
        }
        return Optional.of(now());
    }

    /**
     * The NetworkPolicies that were created, as the API server returned them.
     *
     * @return the policies
     */
    public synchronized List<NetworkPolicy> policies() {
        return applied;
    }

    /**
     * The names of the NetworkPolicies.
     *
     * @return the names
     */
    public List<String> policyNames() {
        return specs.stream().map(PolicySpec::name).toList();
    }

    /**
     * The Vault pods the (first) policy applies to; for a partition, the side that was named.
     *
     * @return the pod names; every Vault pod when the policy selects them all
     */
    public List<String> selectedNodes() {
        PolicySpec first = specs.get(0);
        return first.selectedNodes().isEmpty() ? new ReleaseObjects(env).nodeNames() : first.selectedNodes();
    }

    /**
     * Why a blocked destination may still seem reachable: {@value #EXISTING_CONNECTIONS_NOTE}.
     *
     * @return the note
     */
    public String note() {
        return EXISTING_CONNECTIONS_NOTE;
    }

    /**
     * Deletes the {@linkplain #selectedNodes() selected} Vault pods so that they start over under the policies
     * (their open connections die with them). The returned deletion is a disruption of its own.
     *
     * @param grace how to delete them
     * @return the pod deletion
     */
    public PodDeletion restartSelectedPods(Grace grace) {
        return PodDeletion.apply(env, options, PodTarget.named(selectedNodes().toArray(String[]::new)), grace);
    }
}
