package dev.vaulttest.junit5;

import dev.vaulttest.EnvironmentFactory;
import dev.vaulttest.engine.StandardEnvironmentFactory;
import dev.vaulttest.kms.ExternalKms;
import dev.vaulttest.kms.KmsException;
import dev.vaulttest.kms.KmsStarter;

/**
 * The library's standard environment factory, used unless a test configures another one, with the KMS settings
 * of the run: an external emulator ({@value VaultTestSettings#KMS_ENDPOINT}), or the image of the emulator
 * containers ({@value VaultTestSettings#KMS_IMAGE}).
 */
final class StandardFactory {

    private StandardFactory() {
    }

    static EnvironmentFactory create(Settings settings) {
        return StandardEnvironmentFactory.builder().kmsStarter(kmsStarter(settings)).build();
    }

    static KmsStarter kmsStarter(Settings settings) {
        return kmsStarter(settings, KmsStarter.onClusterNetwork());
    }

    /**
     * The KMS starter for the settings.
     *
     * @param settings the run's settings
     * @param containers how emulator containers are started, given their image
     * @return the external emulator when configured, else the containers with the configured image
     */
    static KmsStarter kmsStarter(Settings settings, KmsStarter containers) {
        if (settings.externalKms().isPresent()) {
            return external(settings.externalKms().get());
        }
        return settings.kmsImage().map(containers::withImage).orElse(containers);
    }

    /** The external emulator; a failure to reach it names the setting that gave the URL. */
    private static KmsStarter external(ExternalKms kms) {
        KmsStarter starter = KmsStarter.external(kms);
        String origin = kms.endpointForHost().equals(kms.endpointForPods())
                ? VaultTestSettings.KMS_ENDPOINT + "=" + kms.endpointForPods()
                : VaultTestSettings.KMS_HOST_ENDPOINT + "=" + kms.endpointForHost();
        return (spec, cluster) -> {
            try {
                return starter.start(spec, cluster);
            } catch (KmsException e) {
                throw new KmsException(origin + ": " + e.getMessage(), e);
            }
        };
    }
}
