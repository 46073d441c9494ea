package dev.vaulttest.cluster;

/**
 * Where Vault runs: a fresh k3s cluster in Docker ({@link K3sClusterSpec}) or an existing cluster reached
 * through a kubeconfig ({@link ExistingClusterSpec}).
 */
public sealed interface ClusterSpec permits K3sClusterSpec, ExistingClusterSpec {

    /**
     * Opens the cluster this spec describes: starts k3s, or connects to the existing cluster; in both cases
     * waits until the cluster is ready to run Vault.
     *
     * @return the open cluster; the caller closes it
     */
    KubernetesCluster open();
}
