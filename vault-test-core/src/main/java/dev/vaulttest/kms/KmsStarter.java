package dev.vaulttest.kms;

import dev.vaulttest.cluster.K3sCluster;
import dev.vaulttest.cluster.KubernetesCluster;

/**
 * Starts the KMS emulator of an environment where its Vault pods can reach it. The standard strategy
 * ({@link #onClusterNetwork()}) starts the container on the k3s cluster's Docker network; tests substitute
 * an in-process emulator.
 */
@FunctionalInterface
public interface KmsStarter {

    /**
     * Starts an emulator for a cluster.
     *
     * @param spec which emulator, image and region
     * @param cluster the cluster whose pods must reach it
     * @return the running emulator; the caller closes it
     * @throws KmsException when it cannot start or the cluster's pods could not reach it
     */
    KmsEmulator start(KmsEmulatorSpec spec, KubernetesCluster cluster);

    /**
     * Starts the emulator container on the k3s cluster's Docker network, so pods reach it by container IP.
     * Other clusters cannot reach a container on this machine: they need {@link KmsProvider#REAL_AWS}.
     *
     * @return the starter
     */
    static KmsStarter onClusterNetwork() {
        return (spec, cluster) -> {
            if (!(cluster instanceof K3sCluster k3s)) {
                throw new KmsException("The " + spec.provider() + " emulator runs in Docker on this machine, and the"
                        + " pods of " + cluster.description() + " cannot reach it; only a k3s cluster started by"
                        + " the library shares a Docker network with it. Use a k3s cluster, or seal with"
                        + " KmsProvider.REAL_AWS and the values' own awskms stanza on an existing cluster.");
            }
            return KmsEmulators.start(spec, k3s.network());
        };
    }
}
