package dev.vaulttest.chaos;

import dev.vaulttest.internal.Labels;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlockBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compiles a {@link PolicySpec} into an egress NetworkPolicy. NetworkPolicies only allow, so "block X" becomes
 * "allow everything but X": every pod (except blocked Vault pods) plus {@code 0.0.0.0/0} except the blocked
 * CIDRs (and, for a partition, except the pod CIDRs, so the pod rule alone decides pod traffic). An address with
 * single blocked ports is excepted too, then allowed again on its other ports. DNS to CoreDNS gets its own rule
 * so "deny all" can keep it.
 */
final class PolicyCompiler {

    /** The label the library puts on policies it creates, holding the disruption kind. */
    static final String CHAOS_LABEL = "vault-test.dev/chaos";

    private final List<String> podCidrs;

    PolicyCompiler(List<String> podCidrs) {
        this.podCidrs = List.copyOf(podCidrs);
    }

    /** The selector for the Vault pods a spec applies to. */
    static LabelSelector vaultPods(Map<String, String> serverLabels, List<String> nodes) {
        LabelSelectorBuilder selector = new LabelSelectorBuilder().withMatchLabels(new LinkedHashMap<>(serverLabels));
        if (!nodes.isEmpty()) {
            selector.addToMatchExpressions(new LabelSelectorRequirementBuilder().withKey(ReleaseObjects.POD_NAME_LABEL)
                    .withOperator("In").withValues(nodes).build());
        }
        return selector.build();
    }

    NetworkPolicy compile(PolicySpec spec, String name, String namespace, LabelSelector podSelector, String kind) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE);
        labels.put(CHAOS_LABEL, kind);
        return new NetworkPolicyBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .withNewSpec()
                .withPodSelector(podSelector)
                .withPolicyTypes("Egress")
                .withEgress(egressRules(spec))
                .endSpec()
                .build();
    }

    private List<NetworkPolicyEgressRule> egressRules(PolicySpec spec) {
        List<NetworkPolicyEgressRule> rules = new ArrayList<>();
        if (spec.allowDns()) {
            rules.add(dnsRule());
        }
        if (spec.denyAllEgress()) {
            return rules;
        }
        NetworkPolicyPeerBuilder pods = new NetworkPolicyPeerBuilder().withNewNamespaceSelector().endNamespaceSelector();
        if (spec.blockedNodes().isEmpty()) {
            pods.withNewPodSelector().endPodSelector();
        } else {
            pods.withNewPodSelector().addToMatchExpressions(new LabelSelectorRequirementBuilder()
                    .withKey(ReleaseObjects.POD_NAME_LABEL).withOperator("NotIn").withValues(spec.blockedNodes())
                    .build()).endPodSelector();
        }
        Map<String, SortedSet<Integer>> portsByAddress = new TreeMap<>();
        for (BlockedPort blocked : spec.blockedPorts()) {
            if (!spec.blockedCidrs().contains(blocked.ip() + "/32")) {
                portsByAddress.computeIfAbsent(blocked.ip(), ip -> new TreeSet<>()).add(blocked.port());
            }
        }
        List<String> except = new ArrayList<>(spec.blockedCidrs());
        portsByAddress.keySet().forEach(ip -> except.add(ip + "/32"));
        if (!spec.blockedNodes().isEmpty()) {
            except.addAll(podCidrs);
        }
        rules.add(new NetworkPolicyEgressRuleBuilder().addToTo(pods.build()).build());
        rules.add(new NetworkPolicyEgressRuleBuilder().addToTo(new NetworkPolicyPeerBuilder()
                .withIpBlock(new IPBlockBuilder().withCidr("0.0.0.0/0").withExcept(except).build()).build()).build());
        portsByAddress.forEach((ip, blocked) -> rules.add(otherPorts(ip, blocked)));
        return rules;
    }

    /**
     * Allows an address again on every port but the blocked ones: TCP in the ranges between them ({@code endPort},
     * which kube-router and the common policy engines implement), UDP on all ports. An engine that ignores
     * {@code endPort} allows only the first port of each range: the address is then blocked almost whole, as
     * before ports were named, which the control canary cannot tell apart (it checks the blocked port only).
     */
    private static NetworkPolicyEgressRule otherPorts(String ip, SortedSet<Integer> blocked) {
        NetworkPolicyEgressRuleBuilder rule = new NetworkPolicyEgressRuleBuilder().addToTo(
                new NetworkPolicyPeerBuilder().withIpBlock(new IPBlockBuilder().withCidr(ip + "/32").build()).build());
        int from = 1;
        for (int port : blocked) {
            if (port > from) {
                rule.addToPorts(range("TCP", from, port - 1));
            }
            from = port + 1;
        }
        if (from <= 65_535) {
            rule.addToPorts(range("TCP", from, 65_535));
        }
        return rule.addToPorts(range("UDP", 1, 65_535)).build();
    }

    private static NetworkPolicyPort range(String protocol, int from, int to) {
        NetworkPolicyPortBuilder port = new NetworkPolicyPortBuilder().withProtocol(protocol)
                .withPort(new IntOrString(from));
        return (to > from ? port.withEndPort(to) : port).build();
    }

    private static NetworkPolicyEgressRule dnsRule() {
        return new NetworkPolicyEgressRuleBuilder()
                .addToTo(new NetworkPolicyPeerBuilder()
                        .withNewNamespaceSelector().addToMatchLabels("kubernetes.io/metadata.name", "kube-system")
                        .endNamespaceSelector()
                        .withNewPodSelector().addToMatchLabels("k8s-app", "kube-dns").endPodSelector()
                        .build())
                .addToPorts(new NetworkPolicyPortBuilder().withProtocol("UDP").withPort(new IntOrString(53)).build())
                .addToPorts(new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(53)).build())
                .build();
    }
}
