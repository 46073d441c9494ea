package dev.vaulttest.kms;

import dev.vaulttest.kms.KmsEmulator.AwsCredentials;
import dev.vaulttest.kms.KmsEmulator.KmsEmulatorSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.Network;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/** LocalStack with only KMS enabled (Testcontainers {@link LocalStackContainer}). */
final class LocalStackKmsEmulator extends ContainerKmsEmulator {

    static final int PORT = 4566;
    static final String NETWORK_ALIAS = "localstack";
    private static final Logger LOG = LoggerFactory.getLogger(LocalStackKmsEmulator.class);

    private LocalStackKmsEmulator(LocalStackContainer container, Network network, String region) {
        super(KmsProvider.LOCALSTACK, container, network, PORT, region, AwsCredentials.emulatorDefaults());
    }

    static LocalStackKmsEmulator start(KmsEmulatorSpec spec, Network network) {
        LocalStackContainer container = new LocalStackContainer(
                DockerImageName.parse(spec.image()).asCompatibleSubstituteFor("localstack/localstack"))
                .withServices("kms")
                .withNetwork(network)
                .withNetworkAliases(NETWORK_ALIAS)
                .withStartupTimeout(spec.startupTimeout());
        spec.authToken().ifPresent(token -> container.withEnv(KmsEmulatorSpec.LOCALSTACK_AUTH_TOKEN, token));
        LOG.debug("Starting LocalStack KMS {} ({})", spec.image(),
                spec.authToken().isPresent() ? "with auth token" : "without auth token");
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw LocalStackStartFailure.explain(e, spec);
        }
        return new LocalStackKmsEmulator(container, network, spec.region());
    }
}
