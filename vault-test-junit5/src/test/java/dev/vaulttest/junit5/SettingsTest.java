package dev.vaulttest.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.internal.report.ReportWriter;
import dev.vaulttest.kms.KmsEmulator.AwsCredentials;
import dev.vaulttest.kms.ExternalKms;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

    @TempDir
    Path dir;

    private static Settings parse(Map<String, String> values) {
        return Settings.parse(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void nothingSetGivesTheDefaults() {
        Settings settings = parse(Map.of());

        assertThat(settings.k3sImage()).isEmpty();
        assertThat(settings.chartVersion()).isEmpty();
        assertThat(settings.kubeconfig()).isEmpty();
        assertThat(settings.keepOnFailure()).isFalse();
        assertThat(settings.dockerRequired()).isFalse();
        assertThat(settings.reportsDir()).isEqualTo(ReportWriter.DEFAULT_DIRECTORY);
        assertThat(settings.recoveryTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.factoryClass()).isEmpty();
        assertThat(settings.canaryImage()).isEmpty();
        assertThat(settings.kmsImage()).isEmpty();
        assertThat(settings.externalKms()).isEmpty();
        assertThat(settings.registryMirrors()).isEmpty();
    }

    @Test
    void registryMirrorsAreReadInOrderAndBadPairsNamed() {
        Settings settings = parse(Map.of(VaultTestSettings.K3S_REGISTRY_MIRRORS,
                " docker.io = https://m.example:5000 , registry.k8s.io=http://10.0.0.5:5001"));

        assertThat(settings.registryMirrors()).containsExactly(
                Map.entry("docker.io", java.net.URI.create("https://m.example:5000")),
                Map.entry("registry.k8s.io", java.net.URI.create("http://10.0.0.5:5001")));
        assertThatThrownBy(() -> parse(Map.of(VaultTestSettings.K3S_REGISTRY_MIRRORS, "docker.io")))
                .isInstanceOf(VaultTestConfigurationException.class)
                .hasMessageContaining("'docker.io' is not registry=URL");
        assertThatThrownBy(() -> parse(Map.of(VaultTestSettings.K3S_REGISTRY_MIRRORS,
                "docker.io=https://a.example,docker.io=https://b.example")))
                .isInstanceOf(VaultTestConfigurationException.class).hasMessageContaining("names docker.io twice");
        assertThatThrownBy(() -> parse(Map.of(VaultTestSettings.K3S_REGISTRY_MIRRORS, "quay.io=http://a b")))
                .isInstanceOf(VaultTestConfigurationException.class)
                .hasMessageContaining("the mirror of quay.io is not a URL");
    }

    @Test
    void theImagesTheLibraryStartsAreRead() {
        Settings settings = parse(Map.of(VaultTestSettings.CANARY_IMAGE, "registry.local/curlimages/curl:8.11.1",
                VaultTestSettings.KMS_IMAGE, "registry.local/nsmithuk/local-kms@sha256:0123abcd"));

        assertThat(settings.canaryImage()).contains("registry.local/curlimages/curl:8.11.1");
        assertThat(settings.kmsImage()).contains("registry.local/nsmithuk/local-kms@sha256:0123abcd");
    }

    @Test
    void anExternalKmsIsReachedAtTheEndpointWithTheDummyCredentialsUnlessGiven() {
        ExternalKms plain = parse(Map.of(VaultTestSettings.KMS_ENDPOINT, " http://10.0.0.5:8080 ")).externalKms()
                .orElseThrow();
        ExternalKms full = parse(Map.of(VaultTestSettings.KMS_ENDPOINT, "http://10.0.0.5:8080",
                VaultTestSettings.KMS_HOST_ENDPOINT, "http://127.0.0.1:18080",
                VaultTestSettings.KMS_ACCESS_KEY, "AKIALABKEY000001",
                VaultTestSettings.KMS_SECRET_KEY, "lab-s3cr3t")).externalKms().orElseThrow();

        assertThat(plain.endpointForPods()).isEqualTo(URI.create("http://10.0.0.5:8080"));
        assertThat(plain.endpointForHost()).isEqualTo(plain.endpointForPods());
        assertThat(plain.credentials()).isEqualTo(AwsCredentials.emulatorDefaults());
        assertThat(full.endpointForPods()).isEqualTo(URI.create("http://10.0.0.5:8080"));
        assertThat(full.endpointForHost()).isEqualTo(URI.create("http://127.0.0.1:18080"));
        assertThat(full.credentials()).isEqualTo(new AwsCredentials("AKIALABKEY000001", "lab-s3cr3t"));
    }

    @Test
    void theKmsCredentialsAreNeverPrintedNorEchoedInErrors() {
        Settings settings = parse(Map.of(VaultTestSettings.KMS_ENDPOINT, "http://10.0.0.5:8080",
                VaultTestSettings.KMS_ACCESS_KEY, "AKIALABKEY000001", VaultTestSettings.KMS_SECRET_KEY, "lab-s3cr3t"));

        assertThat(settings.toString()).doesNotContain("lab-s3cr3t").doesNotContain("LABKEY000001");
        assertThatThrownBy(() -> parse(Map.of(VaultTestSettings.KMS_ENDPOINT, "http://10.0.0.5:8080",
                VaultTestSettings.KMS_SECRET_KEY, "lab-s3cr3t")))
                .isInstanceOf(VaultTestConfigurationException.class)
                .hasMessage("vaulttest.kms.secret-key is set, but vaulttest.kms.access-key is not: give both, or"
                        + " neither for the dummy credentials emulators accept (test/test)");
    }

    @Test
    void everySettingIsRead() throws Exception {
        Path kubeconfig = Files.writeString(dir.resolve("config"), "apiVersion: v1");
        Settings settings = parse(Map.of(VaultTestSettings.K3S_IMAGE, "mirror/k3s:v1",
                VaultTestSettings.VAULT_IMAGE, "registry:5000/hashicorp/vault:2.0.5",
                VaultTestSettings.CHART_VERSION, "0.30.0", VaultTestSettings.KUBECONFIG, kubeconfig.toString(),
                VaultTestSettings.CONTEXT, "kind-kind", VaultTestSettings.KEEP_ON_FAILURE, "TRUE",
                VaultTestSettings.REPORTS_DIR, "build/reports", VaultTestSettings.DOCKER_REQUIRED, " true ",
                VaultTestSettings.RECOVERY_TIMEOUT, "PT90S",
                VaultTestSettings.ENVIRONMENT_FACTORY, "com.example.Factory"));

        assertThat(settings.k3sImage()).contains("mirror/k3s:v1");
        assertThat(settings.vaultImage()).contains("registry:5000/hashicorp/vault:2.0.5");
        assertThat(settings.chartVersion()).contains("0.30.0");
        assertThat(settings.kubeconfig()).contains(kubeconfig);
        assertThat(settings.context()).contains("kind-kind");
        assertThat(settings.keepOnFailure()).isTrue();
        assertThat(settings.reportsDir()).isEqualTo(Path.of("build/reports"));
        assertThat(settings.dockerRequired()).isTrue();
        assertThat(settings.recoveryTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.factoryClass()).contains("com.example.Factory");
    }

    @ParameterizedTest
    @CsvSource({"500ms, PT0.5S", "90s, PT1M30S", "2m, PT2M", "1h, PT1H", "PT45S, PT45S"})
    void durationsTakeAUnitOrIso8601(String text, Duration expected) {
        assertThat(parse(Map.of(VaultTestSettings.RECOVERY_TIMEOUT, text)).recoveryTimeout()).isEqualTo(expected);
    }

    @Test
    void reapAfterIsAPositiveDurationOrNever() {
        assertThat(parse(Map.of()).reapAfter()).contains(Duration.ofHours(1));
        assertThat(parse(Map.of(VaultTestSettings.REAP_AFTER, "2h")).reapAfter()).contains(Duration.ofHours(2));
        assertThat(parse(Map.of(VaultTestSettings.REAP_AFTER, "never")).reapAfter()).isEmpty();
        assertThatThrownBy(() -> parse(Map.of(VaultTestSettings.REAP_AFTER, "0s")))
                .isInstanceOf(VaultTestConfigurationException.class)
                .hasMessage("vaulttest.reap-after=0s is not a positive duration");
        assertThatThrownBy(() -> parse(Map.of(VaultTestSettings.REAP_AFTER, "90s")))
                .isInstanceOf(VaultTestConfigurationException.class)
                .hasMessageStartingWith("vaulttest.reap-after=90s is shorter than the minimum of 3m");
        assertThat(parse(Map.of(VaultTestSettings.REAP_AFTER, "3m")).reapAfter()).contains(Duration.ofMinutes(3));
        assertThatThrownBy(() -> parse(Map.of(VaultTestSettings.REAP_AFTER, "soon")))
                .isInstanceOf(VaultTestConfigurationException.class)
                .hasMessageStartingWith("vaulttest.reap-after=soon is not a duration");
    }

    @Test
    void anUnusableHostEndpointNamesItsSettingAndHidesUserInfo() {
        assertThatThrownBy(() -> parse(Map.of(VaultTestSettings.KMS_ENDPOINT, "http://10.0.0.5:8080",
                VaultTestSettings.KMS_HOST_ENDPOINT, "http://admin:hunter2@127.0.0.1:18080")))
                .isInstanceOf(VaultTestConfigurationException.class)
                .hasMessageStartingWith("vaulttest.kms.host-endpoint is not usable: ExternalKms endpointForHost"
                        + " 'http://****@127.0.0.1:18080' carries user info")
                .hasMessageNotContaining("hunter2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "vaulttest.keep-on-failure | yes | vaulttest.keep-on-failure=yes is not a boolean: use true or false",
        "vaulttest.docker.required | 1 | vaulttest.docker.required=1 is not a boolean: use true or false",
        "vaulttest.recovery.timeout | soon | vaulttest.recovery.timeout=soon is not a duration: use a number with a unit",
        "vaulttest.recovery.timeout | 0s | vaulttest.recovery.timeout=0s is not a positive duration",
        "vaulttest.k3s.image | 'rancher/k3s: v1' | vaulttest.k3s.image=rancher/k3s: v1 is not an image reference",
        "vaulttest.vault.image | hashicorp/vault | vaulttest.vault.image=hashicorp/vault has no tag: use repository:tag",
        "vaulttest.vault.image | hashicorp/vault:latest | vaulttest.vault.image=hashicorp/vault:latest uses the floating tag latest",
        "vaulttest.vault.image | hashicorp/vault@sha256:abc | vaulttest.vault.image=hashicorp/vault@sha256:abc has a digest",
        "vaulttest.environment.factory | not a class | vaulttest.environment.factory=not a class is not a class name",
        "vaulttest.kubeconfig | /no/such/kubeconfig | vaulttest.kubeconfig=/no/such/kubeconfig is not a file",
        "junit.jupiter.extensions.store.close.autocloseable.enabled | false | would never be removed",
        "vaulttest.keep-on-failure | ' ' | vaulttest.keep-on-failure is set but empty",
        "vaulttest.canary.image | curlimages/curl | vaulttest.canary.image=curlimages/curl has no tag",
        "vaulttest.canary.image | curlimages/curl:latest | vaulttest.canary.image=curlimages/curl:latest uses the floating tag latest",
        "vaulttest.canary.image | registry:5000/curl | vaulttest.canary.image=registry:5000/curl has no tag",
        "vaulttest.kms.image | 'local-kms: 3' | vaulttest.kms.image=local-kms: 3 is not an image reference",
        "vaulttest.kms.image | nsmithuk/local-kms:latest | vaulttest.kms.image=nsmithuk/local-kms:latest uses the floating tag latest",
        "vaulttest.kms.endpoint | ftp://10.0.0.5:8080 | vaulttest.kms.endpoint is not usable: ExternalKms endpointForPods 'ftp://10.0.0.5:8080' is not an http(s) URL",
        "vaulttest.kms.endpoint | 10.0.0.5:8080 | vaulttest.kms.endpoint is not usable: ExternalKms endpointForPods '10.0.0.5:8080' is not",
        "vaulttest.kms.endpoint | http://10.0.0.5:8080/kms | vaulttest.kms.endpoint is not usable: ExternalKms endpointForPods 'http://10.0.0.5:8080/kms' has a path",
        "vaulttest.kms.host-endpoint | http://127.0.0.1:18080 | vaulttest.kms.host-endpoint is set, but vaulttest.kms.endpoint is not",
        "vaulttest.kms.access-key | AKIALABKEY000001 | vaulttest.kms.access-key is set, but vaulttest.kms.endpoint is not",
        "vaulttest.kms.secret-key | lab-s3cr3t | vaulttest.kms.secret-key is set, but vaulttest.kms.endpoint is not"})
    void unusableValuesNameTheKeyAndTheValue(String key, String value, String message) {
        assertThatThrownBy(() -> parse(Map.of(key, value)))
                .isInstanceOf(VaultTestConfigurationException.class)
                .hasMessageContaining(message);
        if (key.endsWith("-key")) {
            assertThatThrownBy(() -> parse(Map.of(key, value))).hasMessageNotContaining(value);
        }
    }
}
