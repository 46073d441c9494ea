package dev.vaulttest.kms;

import java.net.URI;

/**
 * A running AWS KMS emulator, with the controls chaos needs: a container the library started on the cluster's
 * Docker network (LocalStack, local-kms), or an {@linkplain KmsProvider#EXTERNAL external} one that runs already.
 * Closing is idempotent; it removes a container the library started (and every key in it), and leaves an external
 * emulator running.
 */
public interface KmsEmulator extends AutoCloseable {

    /**
     * Which emulator this is.
     *
     * @return {@link KmsProvider#LOCALSTACK}, {@link KmsProvider#LOCAL_KMS} or {@link KmsProvider#EXTERNAL}
     */
    KmsProvider provider();

    /**
     * The endpoint Vault pods use: for a container, {@code http://<container IP on the shared network>:<port>};
     * for an external emulator, the URL it was given.
     *
     * @return the endpoint
     */
    URI endpointForPods();

    /**
     * The endpoint the JVM uses: for a container, through Docker's port mapping.
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
     * Tells whether {@link #makeUnreachable()} and {@link #makeReachable()} work with this emulator. They need
     * an emulator the library controls (a container it can pause).
     *
     * @return {@code true} unless overridden; {@code false} for an external emulator
     */
    default boolean supportsReachabilityControl() {
        return true;
    }

    /**
     * Makes the emulator unreachable without losing its keys: the container is paused, so connections hang
     * (like a black-holed endpoint) until {@link #makeReachable()}. Idempotent.
     *
     * @throws UnsupportedOperationException when {@link #supportsReachabilityControl()} is {@code false}, saying why
     */
    void makeUnreachable();

    /**
     * Ends {@link #makeUnreachable()}: the container resumes with all keys. Idempotent.
     *
     * @throws UnsupportedOperationException when {@link #supportsReachabilityControl()} is {@code false}, saying why
     */
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
     * @return {@code true} for LocalStack, local-kms and an external emulator
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

    /** Removes the emulator's container, or, for an external emulator, only ends this handle; idempotent. */
    @Override
    void close();
}
