package dev.vaulttest.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * One open Kubernetes cluster: its kubeconfig, a fabric8 client built from it, port-forwarding to pods and,
 * for k3s, stop and start. Closing is idempotent.
 *
 * <p>After {@link #stop()} and {@link #start()} the kubeconfig and client change (k3s gets a new mapped API
 * port): always call {@link #client()} again rather than keeping a client across a restart.
 */
public interface KubernetesCluster extends AutoCloseable {

    /**
     * A short description for logs and reports, for example {@code k3s rancher/k3s:v1.33.5-k3s1}.
     *
     * @return the description
     */
    String description();

    /**
     * The kubeconfig YAML that reaches this cluster from the host (it contains client credentials: do not log it).
     *
     * @return the kubeconfig
     */
    String kubeconfigYaml();

    /**
     * The fabric8 client for this cluster, built from {@link #kubeconfigYaml()}. The cluster owns it: do not close it.
     *
     * @return the client
     * @throws ClusterException when the cluster is stopped or closed
     */
    KubernetesClient client();

    /**
     * Forwards a local port to a pod's port.
     *
     * @param namespace the pod's namespace
     * @param pod the pod's name
     * @param port the pod's port
     * @return the open forward; the caller closes it; it dies with the pod
     */
    default PortForward portForward(String namespace, String pod, int port) {
        return PortForward.open(client(), namespace, pod, port);
    }

    /**
     * The number of nodes the cluster has now.
     *
     * @return the node count
     */
    int nodeCount();

    /**
     * What the cluster offers, read now: nodes and their labels, StorageClasses, PriorityClasses, and whether
     * the library may create StorageClasses backed by the local-path provisioner.
     *
     * @return the facts
     */
    ClusterFacts facts();

    /**
     * Tells whether {@link #stop()} and {@link #start()} work: {@code true} for k3s, {@code false} for existing
     * clusters.
     *
     * @return whether the cluster can be restarted
     */
    boolean supportsRestart();

    /**
     * Stops the whole cluster, keeping its state (like a reboot's first half).
     *
     * @throws ClusterException when {@link #supportsRestart()} is {@code false}
     */
    void stop();

    /**
     * Starts a stopped cluster again and waits until it is ready; the kubeconfig and client follow the new
     * API address.
     *
     * @throws ClusterException when {@link #supportsRestart()} is {@code false}, or the cluster does not become ready
     */
    void start();

    /** Releases the cluster: for k3s the container is removed; for existing clusters only the client is closed. */
    @Override
    void close();
}
