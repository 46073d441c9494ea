package dev.vaulttest.junit5;

import dev.vaulttest.kms.KmsEmulator.AwsCredentials;
import dev.vaulttest.kms.ExternalKms;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the {@code vaulttest.kms.*} settings of an external KMS emulator into an {@link ExternalKms}. Messages
 * name the setting, and the value unless it is a credential.
 */
final class ExternalKmsSettings {

    private ExternalKmsSettings() {
    }

    /**
     * The external emulator the settings describe.
     *
     * @param reader the run's settings
     * @return the emulator, empty when {@value VaultTestSettings#KMS_ENDPOINT} is not set
     * @throws VaultTestConfigurationException when a URL is unusable, only one of the keys is set, or a setting is
     *     given without {@value VaultTestSettings#KMS_ENDPOINT}
     */
    static Optional<ExternalKms> parse(ConfigReader reader) {
        Optional<String> endpoint = reader.text(VaultTestSettings.KMS_ENDPOINT);
        Optional<String> hostEndpoint = reader.text(VaultTestSettings.KMS_HOST_ENDPOINT);
        Optional<String> accessKey = reader.text(VaultTestSettings.KMS_ACCESS_KEY);
        Optional<String> secretKey = reader.text(VaultTestSettings.KMS_SECRET_KEY);
        if (endpoint.isEmpty()) {
            String stray = hostEndpoint.isPresent() ? VaultTestSettings.KMS_HOST_ENDPOINT
                    : accessKey.isPresent() ? VaultTestSettings.KMS_ACCESS_KEY
                    : secretKey.isPresent() ? VaultTestSettings.KMS_SECRET_KEY : null;
            if (stray != null) {
                throw new VaultTestConfigurationException(stray + " is set, but " + VaultTestSettings.KMS_ENDPOINT
                        + " is not: it belongs to an external KMS emulator, which " + VaultTestSettings.KMS_ENDPOINT
                        + " names (the URL Vault pods reach it at)");
            }
            return Optional.empty();
        }
        if (accessKey.isPresent() != secretKey.isPresent()) {
            String missing = accessKey.isPresent() ? VaultTestSettings.KMS_SECRET_KEY : VaultTestSettings.KMS_ACCESS_KEY;
            String given = accessKey.isPresent() ? VaultTestSettings.KMS_ACCESS_KEY : VaultTestSettings.KMS_SECRET_KEY;
            throw new VaultTestConfigurationException(given + " is set, but " + missing + " is not: give both, or"
                    + " neither for the dummy credentials emulators accept (test/test)");
        }
        ExternalKms kms = usable(VaultTestSettings.KMS_ENDPOINT, endpoint.get(), ExternalKms::at);
        if (hostEndpoint.isPresent()) {
            ExternalKms pods = kms;
            kms = usable(VaultTestSettings.KMS_HOST_ENDPOINT, hostEndpoint.get(), pods::withHostEndpoint);
        }
        if (accessKey.isPresent()) {
            kms = kms.withCredentials(new AwsCredentials(accessKey.get(), secretKey.get()));
        }
        return Optional.of(kms);
    }

    /** Applies a URL; the core's message names the value (with any user info hidden). */
    private static ExternalKms usable(String key, String value, Function<String, ExternalKms> apply) {
        try {
            return apply.apply(value);
        } catch (IllegalArgumentException e) {
            throw new VaultTestConfigurationException(key + " is not usable: " + e.getMessage(), e);
        }
    }
}
