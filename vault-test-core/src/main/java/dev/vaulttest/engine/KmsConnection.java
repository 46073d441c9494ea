package dev.vaulttest.engine;

import dev.vaulttest.kms.KmsEmulator.AwsCredentials;
import dev.vaulttest.kms.KmsEmulator;
import java.net.URI;
import java.util.Objects;

/**
 * What Vault pods need to reach a KMS emulator: the endpoint (a container IP, because pods cannot resolve
 * Docker aliases; or the URL an external emulator was given), the region and the credentials.
 *
 * @param endpointForPods the endpoint as seen from inside the cluster
 * @param region the AWS region the keys live in
 * @param credentials the credentials Vault signs with
 */
record KmsConnection(URI endpointForPods, String region, AwsCredentials credentials) {

    /**
     * Validates.
     *
     * @param endpointForPods the endpoint as seen from inside the cluster
     * @param region the AWS region the keys live in
     * @param credentials the credentials Vault signs with
     */
    public KmsConnection {
        Objects.requireNonNull(endpointForPods, "endpointForPods");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * The connection to a running emulator.
     *
     * @param emulator the emulator
     * @return its pod-side connection
     */
    public static KmsConnection of(KmsEmulator emulator) {
        return new KmsConnection(emulator.endpointForPods(), emulator.region(), emulator.credentials());
    }
}
