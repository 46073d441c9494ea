package dev.vaulttest.kms;

import dev.vaulttest.kms.KmsEmulator.AwsCredentials;
import dev.vaulttest.kms.KmsEmulator.KmsEmulatorSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.HttpWaitStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * nsmithuk/local-kms: a token-free KMS emulator. Keys are created through its API (the same calls as for
 * LocalStack) rather than a seed file, so both emulators behave alike.
 */
final class LocalKmsEmulator extends ContainerKmsEmulator {

    static final int PORT = 8080;
    static final String NETWORK_ALIAS = "local-kms";
    /** local-kms's default dummy account; key ARNs include it. */
    static final String ACCOUNT_ID = "111122223333";
    private static final Logger LOG = LoggerFactory.getLogger(LocalKmsEmulator.class);

    private LocalKmsEmulator(GenericContainer<?> container, Network network, String region) {
        super(KmsProvider.LOCAL_KMS, container, network, PORT, region, AwsCredentials.emulatorDefaults());
    }

    static LocalKmsEmulator start(KmsEmulatorSpec spec, Network network) {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(spec.image()))
                .withExposedPorts(PORT)
                .withEnv("PORT", String.valueOf(PORT))
                .withEnv("KMS_REGION", spec.region())
                .withEnv("KMS_ACCOUNT_ID", ACCOUNT_ID)
                .withNetwork(network)
                .withNetworkAliases(NETWORK_ALIAS)
                // local-kms answers every non-POST request on "/" with 405: a cheap "server is up" probe.
                .waitingFor(new HttpWaitStrategy().forPath("/").forPort(PORT).forStatusCode(405)
                        .withStartupTimeout(spec.startupTimeout()));
        LOG.debug("Starting local-kms {}", spec.image());
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new KmsException("local-kms " + spec.image() + " did not start within " + spec.startupTimeout()
                    + ". Check the container log above; raise KmsEmulatorSpec.startupTimeout if the image was pulled"
                    + " slowly. Cause: " + e.getMessage(), e);
        }
        return new LocalKmsEmulator(container, network, spec.region());
    }
}
