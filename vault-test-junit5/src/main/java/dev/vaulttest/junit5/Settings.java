package dev.vaulttest.junit5;

import dev.vaulttest.cluster.ExistingClusterSpec;
import dev.vaulttest.internal.Durations;
import dev.vaulttest.internal.Labels;
import dev.vaulttest.internal.report.ReportWriter;
import dev.vaulttest.kms.ExternalKms;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every {@code vaulttest.*} setting of a run, parsed strictly. Pure: parsing the same parameters twice
 * gives equal settings, so it is parsed where needed rather than cached.
 *
 * @param k3sImage the k3s image override
 * @param vaultImage the Vault image override, {@code repository:tag}
 * @param chartVersion the official chart version override
 * @param kubeconfig a kubeconfig file: run on that existing cluster unless a class asks for k3s
 * @param context the kubeconfig context
 * @param keepOnFailure whether deployments with failed tests are left running
 * @param reportsDir the report directory
 * @param dockerRequired whether missing Docker fails rather than skips
 * @param recoveryTimeout how long a deployment may take to recover after a disruptive test
 * @param factoryClass the environment factory class name, empty for the standard factory
 * @param dockerProbeClass the Docker probe class name, empty to probe Docker
 * @param canaryImage the NetworkPolicy canary image override
 * @param kmsImage the image override of the KMS emulator containers the library starts
 * @param externalKms the KMS emulator that runs already, to use instead of starting one; its credentials are
 *     redacted in {@code toString}
 * @param registryMirrors registry to mirror endpoint for the k3s clusters the library starts, in order
 * @param reapAfter how long a leftover namespace on an existing cluster must have had no heartbeat to be removed;
 *     empty for never
 */
record Settings(Optional<String> k3sImage, Optional<String> vaultImage, Optional<String> chartVersion,
        Optional<Path> kubeconfig, Optional<String> context, boolean keepOnFailure, Path reportsDir,
        boolean dockerRequired, Duration recoveryTimeout, Optional<String> factoryClass,
        Optional<String> dockerProbeClass, Optional<String> canaryImage, Optional<String> kmsImage,
        Optional<ExternalKms> externalKms, Map<String, URI> registryMirrors, Optional<Duration> reapAfter) {

    /** How long a deployment may take to recover after a disruptive test, unless configured. */
    static final Duration DEFAULT_RECOVERY_TIMEOUT = Duration.ofMinutes(1);

    /** The value of {@link VaultTestSettings#REAP_AFTER} that turns the removal of leftovers off. */
    static final String NEVER = "never";

    /** JUnit's switch that stops it from closing {@link AutoCloseable} store values; must stay on. */
    static final String JUNIT_AUTOCLOSE = "junit.jupiter.extensions.store.close.autocloseable.enabled";

    Settings {
        Objects.requireNonNull(reportsDir, "reportsDir");
        Objects.requireNonNull(recoveryTimeout, "recoveryTimeout");
        registryMirrors = Collections.unmodifiableMap(new LinkedHashMap<>(registryMirrors));
        Objects.requireNonNull(reapAfter, "reapAfter");
    }

    /**
     * Reads the settings of a run from JUnit's configuration parameters, which fall back to system
     * properties.
     *
     * @param context any context of the run
     * @return the settings
     * @throws VaultTestConfigurationException naming the first unusable setting
     */
    static Settings of(ExtensionContext context) {
        return parse(context::getConfigurationParameter);
    }

    /**
     * Reads settings from any source of raw values.
     *
     * @param source the raw value of a key, if set
     * @return the settings
     */
    static Settings parse(Function<String, Optional<String>> source) {
        ConfigReader reader = new ConfigReader(source);
        if (!reader.bool(JUNIT_AUTOCLOSE, true)) {
            throw new VaultTestConfigurationException(JUNIT_AUTOCLOSE + "=false stops JUnit from closing the"
                    + " clusters and deployments vault-test keeps in its store, so they would never be removed:"
                    + " remove that setting for runs that use vault-test");
        }
        return new Settings(
                reader.image(VaultTestSettings.K3S_IMAGE),
                reader.image(VaultTestSettings.VAULT_IMAGE).map(image -> {
                    VaultImage.parse(VaultTestSettings.VAULT_IMAGE, image);
                    return image;
                }),
                reader.text(VaultTestSettings.CHART_VERSION),
                reader.existingFile(VaultTestSettings.KUBECONFIG),
                reader.text(VaultTestSettings.CONTEXT),
                reader.bool(VaultTestSettings.KEEP_ON_FAILURE, false),
                reader.path(VaultTestSettings.REPORTS_DIR).orElse(ReportWriter.DEFAULT_DIRECTORY),
                reader.bool(VaultTestSettings.DOCKER_REQUIRED, false),
                reader.duration(VaultTestSettings.RECOVERY_TIMEOUT).orElse(DEFAULT_RECOVERY_TIMEOUT),
                reader.className(VaultTestSettings.ENVIRONMENT_FACTORY),
                reader.className(VaultTestSettings.DOCKER_PROBE),
                reader.pinnedImage(VaultTestSettings.CANARY_IMAGE),
                reader.pinnedImage(VaultTestSettings.KMS_IMAGE),
                ExternalKmsSettings.parse(reader),
                reader.registryMirrors(VaultTestSettings.K3S_REGISTRY_MIRRORS),
                reapAfter(reader));
    }

    private static Optional<Duration> reapAfter(ConfigReader reader) {
        if (reader.text(VaultTestSettings.REAP_AFTER).filter(NEVER::equalsIgnoreCase).isPresent()) {
            return Optional.empty();
        }
        Duration after = reader.duration(VaultTestSettings.REAP_AFTER).orElse(ExistingClusterSpec.DEFAULT_REAP_AFTER);
        if (after.compareTo(ExistingClusterSpec.MINIMUM_REAP_AFTER) < 0) {
            String minimum = Durations.format(ExistingClusterSpec.MINIMUM_REAP_AFTER);
            throw new VaultTestConfigurationException(VaultTestSettings.REAP_AFTER + "=" + reader.text(
                    VaultTestSettings.REAP_AFTER).orElse("") + " is shorter than the minimum of " + minimum + ": runs"
                    + " renew their namespaces' heartbeat every " + Durations.format(Labels.HEARTBEAT_INTERVAL)
                    + ", so a shorter time would remove namespaces that live runs use; give " + minimum + " or more,"
                    + " or " + NEVER);
        }
        return Optional.of(after);
    }
}
