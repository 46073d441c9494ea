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
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
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

    /**
     * Builds a custom blocking egress policy on Vault pods:
     *
     * <pre>{@code
     * try (BlockingPolicy policy = chaos.network().policy("vt-block-db")
     *         .forNodes("vault-0")
     *         .blockEgressTo("10.0.0.7/32")
     *         .verifyBlocked(URI.create("http://10.0.0.7:5432/"))
     *         .apply()) {
     *     ...
     * }
     * }</pre>
     *
     * NetworkPolicies only allow traffic, so the policy allows everything except what is blocked. DNS stays allowed
     * unless {@link #allowDns(boolean)} says otherwise.
     */
    public static final class Builder {

        private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

        private final VaultEnvironment env;
        private final ChaosOptions options;
        private final String name;
        private final List<String> nodes = new ArrayList<>();
        private final List<String> cidrs = new ArrayList<>();
        private final List<String> blockedNodes = new ArrayList<>();
        private boolean denyAll;
        private boolean allowDns = true;
        private URI probe;

        Builder(VaultEnvironment env, ChaosOptions options, String name) {
            this.env = env;
            this.options = options;
            Objects.requireNonNull(name, "name");
            if (!DNS_LABEL.matcher(name).matches()) {
                throw new IllegalArgumentException("NetworkPolicy name '" + name + "' is not a DNS label (lower-case"
                        + " letters, digits and '-', at most 63 characters)");
            }
            this.name = name;
        }

        /**
         * Applies the policy to these Vault pods only (default: every Vault pod of the release).
         *
         * @param podNames the pod names
         * @return this builder
         */
        public Builder forNodes(String... podNames) {
            nodes.addAll(List.of(podNames));
            return this;
        }

        /**
         * Blocks new connections to a CIDR (for one address, {@code a.b.c.d/32}).
         *
         * @param cidr the IPv4 CIDR
         * @return this builder
         */
        public Builder blockEgressTo(String cidr) {
            Objects.requireNonNull(cidr, "cidr");
            String ip = cidr.contains("/") ? cidr.substring(0, cidr.indexOf('/')) : cidr;
            if (!ClusterAddresses.isIpv4(ip)) {
                throw new IllegalArgumentException("Not an IPv4 CIDR: '" + cidr + "'");
            }
            cidrs.add(cidr.contains("/") ? cidr : cidr + "/32");
            return this;
        }

        /**
         * Blocks new connections to other Vault pods.
         *
         * @param podNames the pod names
         * @return this builder
         */
        public Builder blockEgressToNodes(String... podNames) {
            blockedNodes.addAll(List.of(podNames));
            return this;
        }

        /**
         * Blocks every egress (DNS stays allowed unless {@code allowDns(false)}).
         *
         * @return this builder
         */
        public Builder denyAllEgress() {
            this.denyAll = true;
            return this;
        }

        /**
         * Whether DNS to the cluster's CoreDNS stays allowed (default {@code true}).
         *
         * @param allow whether to allow DNS
         * @return this builder
         */
        public Builder allowDns(boolean allow) {
            this.allowDns = allow;
            return this;
        }

        /**
         * A destination that must be blocked for a pod under this policy; a canary checks it after applying (unless
         * {@link ChaosOptions#verifyEachPolicy()} is off). Without one, only the cluster's enforcement is checked.
         *
         * @param destination an {@code http} or {@code https} URL with an IP address
         * @return this builder
         */
        public Builder verifyBlocked(URI destination) {
            Objects.requireNonNull(destination, "destination");
            if (!"http".equals(destination.getScheme()) && !"https".equals(destination.getScheme())) {
                throw new IllegalArgumentException("A canary destination must be an http or https URL, got " + destination);
            }
            this.probe = destination;
            return this;
        }

        /**
         * Applies the policy and verifies it.
         *
         * @return the handle; closing it deletes the policy
         * @throws NetworkPolicyNotEnforcedException when the cluster does not enforce policies
         * @throws FaultNotEffectiveException when the canary still reaches the destination
         */
        public BlockingPolicy apply() {
            List<String> known = new ReleaseObjects(env).nodeNames();
            for (String node : concat(nodes, blockedNodes)) {
                if (!known.contains(node)) {
                    throw new ChaosPreconditionException("No Vault node named '" + node + "'; nodes are " + known);
                }
            }
            String blocks = denyAll ? "all egress" + (allowDns ? " but DNS" : "")
                    : String.join(", ", concat(cidrs, blockedNodes));
            PolicySpec spec = new PolicySpec(name, nodes, denyAll, allowDns, cidrs, blockedNodes, Optional.ofNullable(probe),
                    blocks);
            return BlockingPolicy.apply(env, options, "network-policy", List.of(spec));
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }
    }
}
