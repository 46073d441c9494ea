package dev.vaulttest.kms;

import dev.vaulttest.base.Versions;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

    /**
     * How to start a KMS emulator, or, for {@link KmsProvider#EXTERNAL}, which region to use with one that runs
     * already. {@link #toString()} never shows the auth token.
     *
     * @param provider {@link KmsProvider#LOCALSTACK}, {@link KmsProvider#LOCAL_KMS} or {@link KmsProvider#EXTERNAL}
     * @param image the container image; empty for {@link KmsProvider#EXTERNAL}, which the library does not start
     * @param region the region keys are created in; must match the region Vault's seal uses
     * @param startupTimeout how long the container may take to answer
     * @param authToken a LocalStack auth token, passed as {@code LOCALSTACK_AUTH_TOKEN}; needed by LocalStack
     *     releases from March 2026 (after 4.14), not by the pinned default
     */
    public record KmsEmulatorSpec(KmsProvider provider, String image, String region, Duration startupTimeout,
            Optional<String> authToken) {

        /** The environment variable LocalStack reads its auth token from, and that the library passes through. */
        public static final String LOCALSTACK_AUTH_TOKEN = "LOCALSTACK_AUTH_TOKEN";

        /**
         * Validates.
         *
         * @param provider {@link KmsProvider#LOCALSTACK}, {@link KmsProvider#LOCAL_KMS} or {@link KmsProvider#EXTERNAL}
         * @param image the container image; empty for {@link KmsProvider#EXTERNAL}
         * @param region the region keys are created in; must match the region Vault's seal uses
         * @param startupTimeout how long the container may take to answer
         * @param authToken a LocalStack auth token, passed as {@code LOCALSTACK_AUTH_TOKEN}; needed by LocalStack releases
         *     from March 2026 (after 4.14), not by the pinned default
         * @throws IllegalArgumentException for {@link KmsProvider#REAL_AWS}, or a blank image of an emulator the
         *     library starts
         */
        public KmsEmulatorSpec {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(startupTimeout, "startupTimeout");
            Objects.requireNonNull(authToken, "authToken");
            if (!provider.isEmulated()) {
                throw new IllegalArgumentException("KmsProvider." + provider + " has no emulator: Vault uses the real"
                        + " AWS KMS named in the values. Use LOCALSTACK, LOCAL_KMS or EXTERNAL.");
            }
            if (provider.isStartedByLibrary() && image.isBlank()) {
                throw new IllegalArgumentException("The " + provider + " emulator needs a container image, got a blank"
                        + " one; the default is " + defaultImage(provider));
            }
        }

        /**
         * The pinned image (none for {@link KmsProvider#EXTERNAL}), a two-minute startup timeout and, for LocalStack,
         * the auth token from the {@value #LOCALSTACK_AUTH_TOKEN} environment variable when it is set.
         *
         * @param provider the emulator
         * @param region the AWS region
         * @return the spec
         */
        public static KmsEmulatorSpec of(KmsProvider provider, String region) {
            return of(provider, region, System.getenv());
        }

        static KmsEmulatorSpec of(KmsProvider provider, String region, Map<String, String> environment) {
            String image = defaultImage(Objects.requireNonNull(provider, "provider"));
            Optional<String> token = provider == KmsProvider.LOCALSTACK
                    ? Optional.ofNullable(environment.get(LOCALSTACK_AUTH_TOKEN)).filter(t -> !t.isBlank())
                    : Optional.empty();
            return new KmsEmulatorSpec(provider, image, region, Duration.ofMinutes(2), token);
        }

        private static String defaultImage(KmsProvider provider) {
            return switch (provider) {
                case LOCALSTACK -> Versions.LOCALSTACK_IMAGE;
                case LOCAL_KMS -> Versions.LOCAL_KMS_IMAGE;
                case EXTERNAL, REAL_AWS -> "";
            };
        }

        /**
         * The same spec with another image.
         *
         * @param newImage the image, for example a newer LocalStack tag (which may need an auth token)
         * @return a new spec
         */
        public KmsEmulatorSpec withImage(String newImage) {
            return new KmsEmulatorSpec(provider, newImage, region, startupTimeout, authToken);
        }

        /**
         * The same spec with another startup timeout.
         *
         * @param timeout the timeout
         * @return a new spec
         */
        public KmsEmulatorSpec withStartupTimeout(Duration timeout) {
            return new KmsEmulatorSpec(provider, image, region, timeout, authToken);
        }

        @Override
        public String toString() {
            return "KmsEmulatorSpec[provider=" + provider + ", image=" + image + ", region=" + region + ", startupTimeout="
                    + startupTimeout + ", authToken=" + (authToken.isPresent() ? "****" : "none") + "]";
        }
    }

    /**
     * An AWS access key pair. Never printed: {@link #toString()} shows only the first characters of the key id.
     *
     * @param accessKeyId the access key id
     * @param secretAccessKey the secret access key
     */
    public record AwsCredentials(String accessKeyId, String secretAccessKey) {

        /**
         * Validates.
         *
         * @param accessKeyId the access key id
         * @param secretAccessKey the secret access key
         */
        public AwsCredentials {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        }

        /**
         * The dummy pair the emulators accept ({@code test}/{@code test}; LocalStack maps it to account 000000000000).
         *
         * @return the emulator credentials
         */
        public static AwsCredentials emulatorDefaults() {
            return new AwsCredentials("test", "test");
        }

        @Override
        public String toString() {
            String prefix = accessKeyId.length() > 4 ? accessKeyId.substring(0, 4) : "";
            return "AwsCredentials[accessKeyId=" + prefix + "****, secretAccessKey=****]";
        }
    }
}
