package dev.vaulttest.internal;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import dev.vaulttest.base.VaultTestException;
import java.util.Map;
import org.testcontainers.containers.Network;

/**
 * Reads a container's address on a Docker network. Pods inside k3s reach sibling containers by this IP
 * address: they cannot resolve Docker's network aliases, because k3s replaces Docker's loopback DNS server.
 */
public final class DockerNetworks {

    private DockerNetworks() {
    }

    /**
     * The container's IPv4 address on the network.
     *
     * @param container the container's inspection
     * @param network the network
     * @return the IP address
     * @throws VaultTestException when the container is not attached to the network
     */
    public static String ipAddress(InspectContainerResponse container, Network network) {
        Map<String, ContainerNetwork> networks = container.getNetworkSettings().getNetworks();
        return networks.values().stream()
                .filter(n -> network.getId().equals(n.getNetworkID()))
                .map(ContainerNetwork::getIpAddress)
                .filter(ip -> ip != null && !ip.isEmpty())
                .findFirst()
                .orElseThrow(() -> new VaultTestException("Container " + container.getName() + " is not attached to"
                        + " Docker network " + network.getId() + " (attached to " + networks.keySet() + ")."));
    }
}
