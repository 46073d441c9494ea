package dev.vaulttest.kms;

import dev.vaulttest.Versions;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start a KMS emulator. {@link #toString()} never shows the auth token.
 *
 * @param provider {@link KmsProvider#LOCALSTACK} or {@link KmsProvider#LOCAL_KMS}
 * @param image the container image
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
     * @param provider {@link KmsProvider#LOCALSTACK} or {@link KmsProvider#LOCAL_KMS}
     * @param image the container image
     * @param region the region keys are created in; must match the region Vault's seal uses
     * @param startupTimeout how long the container may take to answer
     * @param authToken a LocalStack auth token, passed as {@code LOCALSTACK_AUTH_TOKEN}; needed by LocalStack releases
     *     from March 2026 (after 4.14), not by the pinned default
     */
    public KmsEmulatorSpec {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        Objects.requireNonNull(authToken, "authToken");
        if (!provider.isEmulated()) {
            throw new IllegalArgumentException("KmsProvider." + provider + " has no emulator: Vault uses the real"
                    + " AWS KMS named in the values. Use LOCALSTACK or LOCAL_KMS.");
        }
    }

    /**
     * The pinned image, a two-minute startup timeout and, for LocalStack, the auth token from the
     * {@value #LOCALSTACK_AUTH_TOKEN} environment variable when it is set.
     *
     * @param provider the emulator
     * @param region the AWS region
     * @return the spec
     */
    public static KmsEmulatorSpec of(KmsProvider provider, String region) {
        return of(provider, region, System.getenv());
    }

    static KmsEmulatorSpec of(KmsProvider provider, String region, Map<String, String> environment) {
        String image = provider == KmsProvider.LOCALSTACK ? Versions.LOCALSTACK_IMAGE : Versions.LOCAL_KMS_IMAGE;
        Optional<String> token = provider == KmsProvider.LOCALSTACK
                ? Optional.ofNullable(environment.get(LOCALSTACK_AUTH_TOKEN)).filter(t -> !t.isBlank())
                : Optional.empty();
        return new KmsEmulatorSpec(provider, image, region, Duration.ofMinutes(2), token);
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
