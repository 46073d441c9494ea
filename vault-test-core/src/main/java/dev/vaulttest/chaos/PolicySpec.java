package dev.vaulttest.chaos;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One blocking egress policy, before it is compiled to a NetworkPolicy.
 *
 * @param name the NetworkPolicy name
 * @param selectedNodes the Vault pods it applies to; empty for every Vault pod of the release
 * @param denyAllEgress whether every egress is denied (except DNS when allowed)
 * @param allowDns whether DNS to the cluster's CoreDNS stays allowed
 * @param blockedCidrs destinations (CIDRs) that are blocked, every port, while everything else stays allowed
 * @param blockedPorts single TCP ports that are blocked while the other ports of their address stay allowed
 * @param blockedNodes Vault pods that are blocked while everything else stays allowed (a partition)
 * @param probe a destination that must be blocked for a pod the policy selects, checked with a canary
 * @param blocks what the policy blocks, in words
 */
record PolicySpec(String name, List<String> selectedNodes, boolean denyAllEgress, boolean allowDns,
        List<String> blockedCidrs, List<BlockedPort> blockedPorts, List<String> blockedNodes, Optional<URI> probe,
        String blocks) {

    PolicySpec {
        Objects.requireNonNull(name, "name");
        selectedNodes = List.copyOf(selectedNodes);
        blockedCidrs = List.copyOf(blockedCidrs);
        blockedPorts = List.copyOf(blockedPorts);
        blockedNodes = List.copyOf(blockedNodes);
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(blocks, "blocks");
        if (!denyAllEgress && blockedCidrs.isEmpty() && blockedPorts.isEmpty() && blockedNodes.isEmpty()) {
            throw new IllegalArgumentException("Policy '" + name + "' blocks nothing: deny all egress, or name"
                    + " CIDRs, ports or nodes to block");
        }
    }

    /** A policy that blocks whole destinations (every port), no single ports. */
    PolicySpec(String name, List<String> selectedNodes, boolean denyAllEgress, boolean allowDns,
            List<String> blockedCidrs, List<String> blockedNodes, Optional<URI> probe, String blocks) {
        this(name, selectedNodes, denyAllEgress, allowDns, blockedCidrs, List.of(), blockedNodes, probe, blocks);
    }
}
