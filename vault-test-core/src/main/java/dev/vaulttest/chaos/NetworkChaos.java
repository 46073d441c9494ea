package dev.vaulttest.chaos;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.kms.KmsEmulator;
import io.fabric8.kubernetes.api.model.Pod;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Blocking NetworkPolicies on the Vault pods: presets for the failures that matter, and a builder for others.
 * Each returns a {@link BlockingPolicy} whose {@code close()} deletes the policies. Remember that existing
 * connections survive a new policy.
 */
public final class NetworkChaos {

    private final VaultEnvironment env;
    private final ChaosOptions options;

    NetworkChaos(VaultEnvironment env, ChaosOptions options) {
        this.env = env;
        this.options = options;
    }

    /**
     * Cuts every Vault pod off from the Kubernetes API server (its Service IP and port, and the endpoint addresses
     * and ports behind it; other ports of those addresses stay reachable): Kubernetes logins then fail with
     * {@code 403 permission denied}, and service registration can no longer update the {@code vault-active}
     * labels. DNS stays allowed.
     *
     * <p><b>A node that becomes active under this block does not serve for about two and a half minutes</b> when
     * the server config has {@code service_registration "kubernetes"} (the official chart's default in HA mode):
     * Vault 1.21 updates the pod's labels while taking over as active, retrying the API server eleven times with
     * back-off (about 151 s) before it gives up and goes on. Seen on the lab (docs/verification.md): a restarted
     * node logged "acquired lock, enabling active operation", then nothing for 151 s until "unable to update
     * state for /metadata/labels/vault-active". Give a recovery under this block that much time, or test the
     * same failure without the stanza.
     *
     * <p>How fast a login fails depends on the
     * policy engine: k3s's (kube-router) rejects the packets, so Vault's TokenReview fails and the login is
     * refused at once; an engine that drops them makes every login wait for Vault's TokenReview timeout
     * (tens of seconds), which the login read timeout ({@code VaultTimeouts#kubernetesLogin}, 45 s) allows for.
     *
     * @return the applied, verified policy
     */
    public BlockingPolicy blockApiServer() {
        ClusterAddresses addresses = new ClusterAddresses(env.kubernetes());
        return BlockingPolicy.apply(env, options, "block-apiserver", List.of(new PolicySpec("vt-block-apiserver",
                List.of(), false, true, List.of(), addresses.apiServerPorts(), List.of(),
                Optional.of(addresses.apiServiceUrl()), "the Kubernetes API server")));
    }

    /**
     * Cuts every Vault pod off from the KMS emulator (its address and port): running nodes keep serving,
     * and a node that restarts after the policy engine has programmed it cannot reach its seal (but see below). Where the policy engine rejects the packets (k3s's
     * kube-router does), the connection is refused and Vault exits at once, so the pod crash-loops until the
     * policy goes (a refused KMS port makes a real Vault 1.21.1 exit with status 1, {@code KmsOutageRealVaultTest});
     * an engine that drops them makes the node hang as {@link Chaos#kmsOutage()} does.
     *
     * <p><b>A restarted pod's first second is not covered</b> by kube-router (k3s's policy engine): it programs a
     * new pod's firewall only after it has seen the pod start, and until then the pod's traffic passes. Seen on the
     * lab's kube-router 2.1.0 (docs/verification.md): a pod started under a deny-all egress policy connected for
     * about a second, and a Vault pod restarted under this policy reached the KMS and unsealed within 1.3 s. To keep a
     * restarting node from its seal, use {@link Chaos#disableKmsKey()} (KMS refuses) or {@link Chaos#kmsOutage()}
     * (emulator paused), which act at the KMS; policy engines that program a pod before it starts (Calico, Cilium)
     * do not have the window.
     *
     * @return the applied, verified policy
     * @throws ChaosPreconditionException when the deployment has no KMS emulator, or pods reach it by name
     */
    public BlockingPolicy blockKms() {
        KmsEmulator kms = env.kms().orElseThrow(() -> new ChaosPreconditionException("This deployment has no KMS"
                + " emulator (it uses Shamir or real AWS KMS), so there is no KMS to block."));
        URI endpoint = kms.endpointForPods();
        if (!ClusterAddresses.isIpv4(endpoint.getHost())) {
            throw new ChaosPreconditionException("Vault pods reach the KMS at " + endpoint + ", not at an IPv4"
                    + " address, so no ipBlock can cut them off from it.");
        }
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : "https".equals(endpoint.getScheme()) ? 443 : 80;
        return BlockingPolicy.apply(env, options, "block-kms", List.of(new PolicySpec("vt-block-kms", List.of(),
                false, true, List.of(), List.of(new BlockedPort(endpoint.getHost(), port)), List.of(),
                Optional.of(endpoint), "the KMS emulator")));
    }

    /**
     * Partitions Raft: the named Vault pods and the others can no longer open connections to each other (two
     * policies, one per side). Everything else stays reachable. Open Raft connections survive until the pods
     * reconnect, so partition the leader's side carefully and consider
     * {@link BlockingPolicy#restartSelectedPods(Grace)}.
     *
     * @param nodes the pods on one side, for example {@code vault-2}
     * @return the applied, verified policies
     */
    public BlockingPolicy partition(String... nodes) {
        List<String> all = new ReleaseObjects(env).nodeNames();
        Set<String> side = new LinkedHashSet<>(Arrays.asList(nodes));
        if (side.isEmpty()) {
            throw new IllegalArgumentException("A partition needs at least one node on one side");
        }
        for (String node : side) {
            if (!all.contains(node)) {
                throw new ChaosPreconditionException("No Vault node named '" + node + "'; nodes are " + all);
            }
        }
        List<String> others = all.stream().filter(n -> !side.contains(n)).toList();
        if (others.isEmpty()) {
            throw new ChaosPreconditionException("A partition needs nodes on both sides; " + side
                    + " is every node");
        }
        List<String> mine = List.copyOf(side);
        List<PolicySpec> specs = new ArrayList<>();
        specs.add(new PolicySpec("vt-partition-a", mine, false, true, List.of(), others,
                clusterPortOf(others.get(0)), "Vault pods " + others));
        specs.add(new PolicySpec("vt-partition-b", others, false, true, List.of(), mine,
                clusterPortOf(mine.get(0)), "Vault pods " + mine));
        return BlockingPolicy.apply(env, options, "raft-partition", specs);
    }

    /**
     * Denies every egress from the Vault pods except DNS: the API server, the KMS, other Vault pods and
     * anything outside the cluster become unreachable for new connections.
     *
     * @return the applied, verified policy
     */
    public BlockingPolicy denyAllEgressExceptDns() {
        ClusterAddresses addresses = new ClusterAddresses(env.kubernetes());
        return BlockingPolicy.apply(env, options, "deny-egress", List.of(new PolicySpec("vt-deny-egress", List.of(),
                true, true, List.of(), List.of(), Optional.of(addresses.apiServiceUrl()), "all egress but DNS")));
    }

    /**
     * Starts a custom blocking policy.
     *
     * @param name the NetworkPolicy name (a DNS label)
     * @return the builder
     */
    public BlockingPolicy.Builder policy(String name) {
        return new BlockingPolicy.Builder(env, options, name);
    }

    /** The Raft cluster port of a pod by its IP, as a canary destination; empty when the pod has no IP yet. */
    private Optional<URI> clusterPortOf(String node) {
        return new ReleaseObjects(env).pod(node).map(Pod::getStatus).map(s -> s.getPodIP())
                .filter(ClusterAddresses::isIpv4).map(ip -> URI.create("https://" + ip + ":8201/"));
    }
}
