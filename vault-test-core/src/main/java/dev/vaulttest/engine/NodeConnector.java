package dev.vaulttest.engine;

import dev.vaulttest.cluster.KubernetesCluster;
import dev.vaulttest.cluster.PortForward;
import java.net.URI;
import java.util.Objects;

/**
 * Opens {@link NodeConnection}s to pods. The standard strategy port-forwards through the cluster's API
 * server ({@link #portForward(KubernetesCluster)}), which works the same on k3s and on existing clusters;
 * tests substitute one that maps pod names to local test servers.
 */
@FunctionalInterface
interface NodeConnector {

    /**
     * Connects to a pod's port.
     *
     * @param namespace the pod's namespace
     * @param pod the pod's name
     * @param port the pod's port, for example 8200
     * @return the open connection; the caller closes it
     * @throws ClusterException when the pod does not exist or cannot be reached
     */
    NodeConnection connect(String namespace, String pod, int port);

    /**
     * Port-forwards through the cluster's API server.
     *
     * @param cluster the cluster; its current client is used for each new forward (it changes after a k3s restart)
     * @return the connector
     */
    static NodeConnector portForward(KubernetesCluster cluster) {
        Objects.requireNonNull(cluster, "cluster");
        return (namespace, pod, port) -> {
            PortForward forward = cluster.portForward(namespace, pod, port);
            return new NodeConnection() {
                @Override
                public URI uri(String scheme) {
                    return forward.uri(scheme);
                }

                @Override
                public boolean isAlive() {
                    return forward.isAlive();
                }

                @Override
                public void close() {
                    forward.close();
                }

                @Override
                public String toString() {
                    return forward.toString();
                }
            };
        };
    }
}
