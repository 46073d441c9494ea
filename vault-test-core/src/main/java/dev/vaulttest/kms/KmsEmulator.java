package dev.vaulttest.kms;

import java.net.URI;

/**
 * A running AWS KMS emulator on the cluster's Docker network, with the controls chaos needs. Closing is
 * idempotent and removes the container (and every key in it).
 */
public interface KmsEmulator extends AutoCloseable {

    /**
     * Which emulator this is.
     *
     * @return {@link KmsProvider#LOCALSTACK} or {@link KmsProvider#LOCAL_KMS}
     */
    KmsProvider provider();

    /**
     * The endpoint Vault pods use: {@code http://<container IP on the shared network>:<port>}.
     *
     * @return the endpoint
     */
    URI endpointForPods();

    /**
     * The endpoint the JVM uses, through Docker's port mapping.
     *
     * @return the endpoint
     */
    URI endpointForHost();

    /**
     * The region keys are created in.
     *
     * @return the AWS region
     */
    String region();

    /**
     * The dummy credentials the emulator accepts.
     *
     * @return the credentials (redacted in {@code toString})
     */
    AwsCredentials credentials();

    /**
     * Creates a symmetric key and points the alias at it; when the alias already exists, returns its key.
     *
     * @param alias the alias, {@code alias/<name>}, as the values' {@code kms_key_id} names it
     * @return the key id
     * @throws KmsException when the emulator refuses or cannot be reached
     */
    String createKeyWithAlias(String alias);

    /**
     * The key's state as KMS reports it, for example {@code Enabled} or {@code Disabled}.
     *
     * @param keyIdOrAlias a key id or {@code alias/<name>}
     * @return the key state
     */
    String keyState(String keyIdOrAlias);

    /**
     * Makes the emulator unreachable without losing its keys: the container is paused, so connections hang
     * (like a black-holed endpoint) until {@link #makeReachable()}. Idempotent.
     */
    void makeUnreachable();

    /** Ends {@link #makeUnreachable()}: the container resumes with all keys. Idempotent. */
    void makeReachable();

    /**
     * Tells whether the emulator currently answers (not made unreachable).
     *
     * @return {@code true} unless {@link #makeUnreachable()} is in effect
     */
    boolean isReachable();

    /**
     * Tells whether {@link #disableKey} and {@link #enableKey} work with this emulator.
     *
     * @return {@code true} for LocalStack and local-kms
     */
    boolean supportsKeyDisable();

    /**
     * Disables a key: KMS then refuses Encrypt and Decrypt with it.
     *
     * @param keyId the key id
     * @throws UnsupportedOperationException when {@link #supportsKeyDisable()} is {@code false}
     */
    void disableKey(String keyId);

    /**
     * Enables a disabled key again.
     *
     * @param keyId the key id
     * @throws UnsupportedOperationException when {@link #supportsKeyDisable()} is {@code false}
     */
    void enableKey(String keyId);

    /** Removes the emulator's container; idempotent. */
    @Override
    void close();
}
