package dev.vaulttest.kms;

import dev.vaulttest.cluster.K3sCluster;
import dev.vaulttest.cluster.KubernetesCluster;
import dev.vaulttest.kms.KmsEmulator.KmsEmulatorSpec;
import java.util.Objects;

/**
 * Starts (or connects to) the KMS emulator of an environment where its Vault pods can reach it. The standard
 * strategy ({@link #onClusterNetwork()}) starts the container on the k3s cluster's Docker network;
 * {@link #external(ExternalKms)} uses an emulator that runs already, for existing clusters; tests substitute an
 * in-process emulator.
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
     * Other clusters cannot reach a container on this machine: they need an emulator that runs where their pods
     * reach it ({@link #external(ExternalKms)}) or {@link KmsProvider#REAL_AWS}.
     *
     * @return the starter; it refuses {@link KmsProvider#EXTERNAL}, which it cannot start
     */
    static KmsStarter onClusterNetwork() {
        return (spec, cluster) -> {
            if (!spec.provider().isStartedByLibrary()) {
                throw new KmsException("KmsProvider." + spec.provider() + " is an emulator that runs already; the"
                        + " library does not start it. Say where it runs with"
                        + " StandardEnvironmentFactory.builder().kmsStarter(KmsStarter.external(ExternalKms.at(...))).");
            }
            if (!(cluster instanceof K3sCluster k3s)) {
                throw new KmsException("The " + spec.provider() + " emulator runs in Docker on this machine, and the"
                        + " pods of " + cluster.description() + " cannot reach it; only a k3s cluster started by"
                        + " the library shares a Docker network with it. Use a k3s cluster; or run an emulator where"
                        + " the pods reach it and seal with KmsProvider.EXTERNAL (KmsStarter.external); or seal with"
                        + " KmsProvider.REAL_AWS and the values' own awskms stanza.");
            }
            return KmsEmulators.start(spec, k3s.network());
        };
    }

    /**
     * Connects to an emulator that runs already ({@link KmsProvider#EXTERNAL}) instead of starting one: checks
     * that it answers a KMS call, then hands it to the environment, which creates the seal's key alias through its
     * API and points Vault's pods at {@link ExternalKms#endpointForPods()}. Closing the emulator handle leaves the
     * emulator and its keys in place. Works with any cluster whose pods reach that endpoint.
     *
     * @param kms where the emulator runs, its region and credentials
     * @return the starter; it refuses specs of other providers, which the library would start itself
     */
    static KmsStarter external(ExternalKms kms) {
        Objects.requireNonNull(kms, "kms");
        return (spec, cluster) -> {
            if (spec.provider() != KmsProvider.EXTERNAL) {
                throw new KmsException("This starter connects to the external KMS emulator at "
                        + kms.endpointForHost() + ", but the seal asks for KmsProvider." + spec.provider()
                        + ", which the library starts itself. Seal with SealSpec.awsKms(KmsProvider.EXTERNAL).");
            }
            return ExternalKmsEmulator.connect(kms, spec.region());
        };
    }

    /**
     * This starter, with another container image for the emulators it starts (for example a mirror's copy of the
     * pinned one; the JUnit extension's setting {@code vaulttest.kms.image}). Specs of {@link KmsProvider#EXTERNAL}
     * pass through unchanged.
     *
     * @param image the image, for example {@code mirror.example.com/nsmithuk/local-kms:3.12.0}
     * @return the starter
     * @throws IllegalArgumentException when the image is blank
     */
    default KmsStarter withImage(String image) {
        Objects.requireNonNull(image, "image");
        if (image.isBlank()) {
            throw new IllegalArgumentException("KmsStarter.withImage needs an image reference, got a blank one");
        }
        return (spec, cluster) -> start(spec.provider().isStartedByLibrary() ? spec.withImage(image) : spec, cluster);
    }
}
