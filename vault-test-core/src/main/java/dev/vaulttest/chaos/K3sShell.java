package dev.vaulttest.chaos;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.cluster.K3sCluster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.ExecInContainerPattern;

/**
 * A shell in a k3s cluster's container. The container is found through Docker as the one on the cluster's
 * network with the cluster's address there.
 */
final class K3sShell implements ClusterShell {

    private final DockerClient docker;
    private final String containerId;

    private K3sShell(DockerClient docker, String containerId) {
        this.docker = docker;
        this.containerId = containerId;
    }

    static K3sShell of(K3sCluster cluster) {
        DockerClient docker = DockerClientFactory.instance().client();
        String networkId = cluster.network().getId();
        String address = cluster.ipAddressOnNetwork();
        List<Container> containers = docker.listContainersCmd().withNetworkFilter(List.of(networkId)).exec();
        for (Container container : containers) {
            Map<String, ContainerNetwork> networks = container.getNetworkSettings() == null ? Map.of()
                    : container.getNetworkSettings().getNetworks();
            boolean match = networks.values().stream().anyMatch(n -> networkId.equals(n.getNetworkID())
                    && address.equals(n.getIpAddress()));
            if (match) {
                return new K3sShell(docker, container.getId());
            }
        }
        throw new VaultTestException("Could not find the k3s container on Docker network " + networkId + " at "
                + address + "; is the cluster still running?");
    }

    @Override
    public Result exec(String... command) {
        InspectContainerResponse info = docker.inspectContainerCmd(containerId).exec();
        try {
            ExecResult result = ExecInContainerPattern.execInContainer(docker, info, command);
            return new Result(result.getExitCode(), result.getStdout(), result.getStderr());
        } catch (IOException e) {
            throw new VaultTestException("Running '" + command[0] + "' in the k3s container failed: " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VaultTestException("Interrupted while running '" + command[0] + "' in the k3s container", e);
        }
    }

    @Override
    public void copy(Path hostFile, String directory) {
        docker.copyArchiveToContainerCmd(containerId).withHostResource(hostFile.toString())
                .withRemotePath(directory).exec();
    }
}
