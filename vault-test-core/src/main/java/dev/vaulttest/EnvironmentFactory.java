package dev.vaulttest;

import dev.vaulttest.cluster.ClusterSpec;
import dev.vaulttest.cluster.KubernetesCluster;

/**
 * Starts clusters and Vault environments. The standard factory uses real clusters (k3s in Docker or
 * an existing cluster); tests of code built on the library may supply their own.
 */
public interface EnvironmentFactory {

    /**
     * The standard factory: real clusters, Helm through helm-java, port-forwards, KMS emulators in Docker.
     *
     * @return a new standard factory
     */
    static EnvironmentFactory standard() {
        return StandardFactoryLoader.load();
    }

    /**
     * Opens a cluster. The caller owns it and must close it.
     *
     * @param spec the cluster to open
     * @return the open, ready cluster
     */
    KubernetesCluster openCluster(ClusterSpec spec);

    /**
     * Brings up a deployment on a cluster of its own, opened from the spec's cluster; closing the environment
     * also closes the cluster, and a failed bring-up leaves neither running.
     *
     * @param spec the deployment to bring up, with its cluster
     * @return the environment, past its ready gate
     */
    VaultEnvironment start(VaultEnvironmentSpec spec);

    /**
     * Deploys Vault on a cluster the caller owns; closing the environment leaves the cluster running.
     *
     * @param spec the deployment to bring up
     * @param cluster the cluster to deploy on
     * @return the environment, past its ready gate
     */
    VaultEnvironment deploy(VaultEnvironmentSpec spec, KubernetesCluster cluster);
}
