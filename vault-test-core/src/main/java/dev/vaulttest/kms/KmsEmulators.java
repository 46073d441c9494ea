package dev.vaulttest.kms;

import dev.vaulttest.kms.KmsEmulator.KmsEmulatorSpec;
import org.testcontainers.containers.Network;

/** Starts KMS emulators. */
final class KmsEmulators {

    private KmsEmulators() {
    }

    /**
     * Starts an emulator on a Docker network shared with the cluster (for k3s: {@code K3sCluster.network()}).
     * Close it before the cluster that owns the network.
     *
     * @param spec which emulator, image, region
     * @param network the shared Docker network
     * @return the running emulator
     * @throws KmsException when it does not start; for LocalStack exit code 55 the message explains the auth token
     * @throws IllegalArgumentException for {@link KmsProvider#EXTERNAL} and {@link KmsProvider#REAL_AWS}
     */
    static KmsEmulator start(KmsEmulatorSpec spec, Network network) {
        return switch (spec.provider()) {
            case LOCALSTACK -> LocalStackKmsEmulator.start(spec, network);
            case LOCAL_KMS -> LocalKmsEmulator.start(spec, network);
            case EXTERNAL -> throw new IllegalArgumentException("An EXTERNAL emulator runs already and is not started"
                    + " by the library: connect to it with KmsStarter.external(ExternalKms.at(...))");
            case REAL_AWS -> throw new IllegalArgumentException("REAL_AWS has no emulator");
        };
    }
}
