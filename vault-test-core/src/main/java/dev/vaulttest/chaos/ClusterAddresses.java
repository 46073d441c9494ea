package dev.vaulttest.chaos;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Addresses that blocking policies need: the API server's, and the pod network's. */
final class ClusterAddresses {

    /** k3s's default cluster CIDR, used when nodes do not report their pod CIDRs. */
    static final String K3S_DEFAULT_POD_CIDR = "10.42.0.0/16";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Logger LOG = LoggerFactory.getLogger(ClusterAddresses.class);

    private final KubernetesClient client;

    ClusterAddresses(KubernetesClient client) {
        this.client = client;
    }

    static boolean isIpv4(String host) {
        return host != null && IPV4.matcher(host).matches();
    }

    /** The {@code kubernetes} Service's ClusterIP, which pods reach the API server through. */
    String apiServiceIp() {
        return apiService().getSpec().getClusterIP();
    }

    /** The {@code default/kubernetes} Service, checked to have an IPv4 ClusterIP. */
    private Service apiService() {
        Service service = client.services().inNamespace("default").withName("kubernetes").get();
        if (service == null || service.getSpec() == null || !isIpv4(service.getSpec().getClusterIP())) {
            throw new ChaosPreconditionException("The cluster has no default/kubernetes Service with an IPv4"
                    + " ClusterIP; cannot tell where pods reach the API server.");
        }
        return service;
    }

    /** The URL pods use for the API server, by ClusterIP. */
    URI apiServiceUrl() {
        return URI.create("https://" + apiServiceIp() + ":443/");
    }

    /**
     * Every address and port the API server has: the ClusterIP on the Service's port and the endpoints behind it
     * (on k3s the node's IP, port 6443), because policies may be evaluated before or after the Service is
     * translated. Only these ports are blocked: other programs on the same address (a KMS emulator on the node,
     * as in the lab) stay reachable.
     */
    List<BlockedPort> apiServerPorts() {
        Service service = apiService();
        String clusterIp = service.getSpec().getClusterIP();
        List<ServicePort> servicePorts = service.getSpec().getPorts() == null ? List.of()
                : service.getSpec().getPorts();
        Set<BlockedPort> ports = new LinkedHashSet<>();
        servicePorts.stream().map(ServicePort::getPort).filter(port -> port != null)
                .forEach(port -> ports.add(new BlockedPort(clusterIp, port)));
        if (ports.isEmpty()) {
            ports.add(new BlockedPort(clusterIp, 443));
        }
        int servicePortCount = ports.size();
        // An endpoint without ports in its slice gets the Service's target ports (on k3s and kubeadm, 6443).
        List<Integer> targetPorts = servicePorts.stream().map(ServicePort::getTargetPort)
                .filter(target -> target != null && target.getIntVal() != null).map(target -> target.getIntVal())
                .toList();
        List<EndpointSlice> slices = client.discovery().v1().endpointSlices().inNamespace("default")
                .withLabel("kubernetes.io/service-name", "kubernetes").list().getItems();
        for (EndpointSlice slice : slices) {
            List<Integer> listed = slice.getPorts() == null ? List.of()
                    : slice.getPorts().stream().map(EndpointPort::getPort).filter(port -> port != null).toList();
            List<Integer> slicePorts = listed.isEmpty() ? targetPorts : listed;
            for (Endpoint endpoint : slice.getEndpoints() == null ? List.<Endpoint>of() : slice.getEndpoints()) {
                for (String address : endpoint.getAddresses() == null ? List.<String>of() : endpoint.getAddresses()) {
                    if (isIpv4(address)) {
                        slicePorts.forEach(port -> ports.add(new BlockedPort(address, port)));
                    }
                }
            }
        }
        if (ports.size() == servicePortCount) {
            LOG.warn("No EndpointSlice for default/kubernetes lists an IPv4 address and port; blocking only the"
                    + " ClusterIP {}", ports);
        }
        return List.copyOf(ports);
    }

    /** The nodes' pod CIDRs, or k3s's default cluster CIDR when nodes do not report them. */
    List<String> podCidrs() {
        List<String> cidrs = new ArrayList<>();
        for (Node node : client.nodes().list().getItems()) {
            if (node.getSpec() == null) {
                continue;
            }
            List<String> reported = node.getSpec().getPodCIDRs();
            if (reported != null && !reported.isEmpty()) {
                reported.stream().filter(c -> c.contains(".")).forEach(cidrs::add);
            } else if (node.getSpec().getPodCIDR() != null && node.getSpec().getPodCIDR().contains(".")) {
                cidrs.add(node.getSpec().getPodCIDR());
            }
        }
        if (cidrs.isEmpty()) {
            LOG.debug("Nodes report no pod CIDR; assuming k3s's default {}", K3S_DEFAULT_POD_CIDR);
            return List.of(K3S_DEFAULT_POD_CIDR);
        }
        return cidrs.stream().distinct().toList();
    }
}
