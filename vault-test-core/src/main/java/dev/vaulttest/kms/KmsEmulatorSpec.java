package dev.vaulttest.kms;

import dev.vaulttest.base.Versions;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
