package dev.vaulttest.chaos;

import dev.vaulttest.VaultEnvironment;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

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
public final class BlockingPolicyBuilder {

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

    BlockingPolicyBuilder(VaultEnvironment env, ChaosOptions options, String name) {
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
    public BlockingPolicyBuilder forNodes(String... podNames) {
        nodes.addAll(List.of(podNames));
        return this;
    }

    /**
     * Blocks new connections to a CIDR (for one address, {@code a.b.c.d/32}).
     *
     * @param cidr the IPv4 CIDR
     * @return this builder
     */
    public BlockingPolicyBuilder blockEgressTo(String cidr) {
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
    public BlockingPolicyBuilder blockEgressToNodes(String... podNames) {
        blockedNodes.addAll(List.of(podNames));
        return this;
    }

    /**
     * Blocks every egress (DNS stays allowed unless {@code allowDns(false)}).
     *
     * @return this builder
     */
    public BlockingPolicyBuilder denyAllEgress() {
        this.denyAll = true;
        return this;
    }

    /**
     * Whether DNS to the cluster's CoreDNS stays allowed (default {@code true}).
     *
     * @param allow whether to allow DNS
     * @return this builder
     */
    public BlockingPolicyBuilder allowDns(boolean allow) {
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
    public BlockingPolicyBuilder verifyBlocked(URI destination) {
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
