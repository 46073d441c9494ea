package dev.vaulttest.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.DeploymentMode;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.base.Versions;
import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.chart.ChartValues.ValuesLayer;
import dev.vaulttest.cluster.ExistingClusterSpec;
import dev.vaulttest.cluster.K3sClusterSpec;
import dev.vaulttest.kms.KmsProvider;
import dev.vaulttest.kms.SealSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentSpecsTest {

    @TempDir
    Path dir;

    private final Map<String, String> settings = new HashMap<>();

    private VaultEnvironmentSpec specOf(Class<?> testClass) {
        return DeploymentSpecs.of(testClass, Settings.parse(key -> Optional.ofNullable(settings.get(key))));
    }

    @VaultTest
    static class Defaults {
    }

    @Test
    void theComposedDefaultIsK3sTheOfficialPinnedChartThreeRaftNodesAndShamir() {
        VaultEnvironmentSpec spec = specOf(Defaults.class);

        assertThat(spec.cluster()).isEqualTo(K3sClusterSpec.defaults());
        assertThat(spec.chart()).isEqualTo(ChartSource.official(Versions.CHART_VERSION));
        assertThat(spec.mode()).isEqualTo(DeploymentMode.HA_RAFT);
        assertThat(spec.replicas()).isEqualTo(3);
        assertThat(spec.seal()).isEqualTo(SealSpec.defaults());
        assertThat(spec.tls()).isFalse();
        assertThat(spec.namespace()).isEmpty();
        assertThat(DeploymentSpecs.needsDocker(spec)).isTrue();
    }

    @Test
    void settingsReplaceTheDefaults() {
        settings.put(VaultTestSettings.K3S_IMAGE, "mirror/k3s:v2");
        settings.put(VaultTestSettings.CHART_VERSION, "0.30.0");
        settings.put(VaultTestSettings.VAULT_IMAGE, "mirror/vault:2.0.5");

        VaultEnvironmentSpec spec = specOf(Defaults.class);

        assertThat(((K3sClusterSpec) spec.cluster()).image()).isEqualTo("mirror/k3s:v2");
        assertThat(((K3sClusterSpec) spec.cluster()).preloadImages()).containsExactly("mirror/vault:2.0.5",
                Versions.CANARY_IMAGE);
        assertThat(spec.chart()).isEqualTo(ChartSource.official("0.30.0"));
        assertThat(spec.values().stringSets()).containsExactly("server.image.repository=mirror/vault",
                "server.image.tag=2.0.5");
    }

    @Test
    void theConfiguredCanaryIsPreloadedAndMirrorsReachK3s() {
        settings.put(VaultTestSettings.CANARY_IMAGE, "registry.local/curlimages/curl:8.11.1");
        settings.put(VaultTestSettings.K3S_REGISTRY_MIRRORS, "docker.io=https://mirror.example.com:5000");

        K3sClusterSpec cluster = (K3sClusterSpec) specOf(Defaults.class).cluster();

        assertThat(cluster.preloadImages()).containsExactly(Versions.VAULT_IMAGE,
                "registry.local/curlimages/curl:8.11.1");
        assertThat(cluster.registryMirrors()).containsExactly(
                java.util.Map.entry("docker.io", java.net.URI.create("https://mirror.example.com:5000")));
    }

    @Test
    void aMirrorK3sCouldNotUseFailsTheClassNamingTheSetting() {
        settings.put(VaultTestSettings.K3S_REGISTRY_MIRRORS, "docker.io=mirror.example.com");

        assertThatThrownBy(() -> specOf(Defaults.class))
                .isInstanceOf(VaultTestConfigurationException.class)
                .hasMessageContaining(VaultTestSettings.K3S_REGISTRY_MIRRORS)
                .hasMessageContaining("'mirror.example.com' is not an absolute http or https URL");
    }

    @VaultTest
    @K3sCluster(image = "pinned/k3s:v1")
    @VaultDeployment(chartVersion = "0.29.0", values = "classpath:values/production.yaml",
            set = "server.logLevel=debug", replicas = 5, namespace = "team-vault", mode = DeploymentMode.FROM_VALUES)
    @AutoUnseal(kms = KmsProvider.LOCAL_KMS, region = "eu-west-1")
    @VaultTls
    static class Explicit {
    }

    @Test
    void annotationAttributesWinOverSettings() {
        settings.put(VaultTestSettings.K3S_IMAGE, "mirror/k3s:v2");
        settings.put(VaultTestSettings.CHART_VERSION, "0.30.0");

        VaultEnvironmentSpec spec = specOf(Explicit.class);

        assertThat(((K3sClusterSpec) spec.cluster()).image()).isEqualTo("pinned/k3s:v1");
        assertThat(spec.chart()).isEqualTo(ChartSource.official("0.29.0"));
        assertThat(spec.values().layers()).singleElement().satisfies(layer -> assertThat(
                ((ValuesLayer.File) layer).path().toString()).endsWith("values/production.yaml"));
        assertThat(spec.values().sets()).containsExactly("server.logLevel=debug");
        assertThat(spec.replicas()).isEqualTo(5);
        assertThat(spec.mode()).isEqualTo(DeploymentMode.FROM_VALUES);
        assertThat(spec.namespace()).contains("team-vault");
        assertThat(spec.seal()).isEqualTo(SealSpec.awsKms(KmsProvider.LOCAL_KMS).inRegion("eu-west-1"));
        assertThat(spec.tls()).isTrue();
    }

    @VaultTest
    static class NoClusterAnnotation {
    }

    @Test
    void aKubeconfigSettingMovesClassesWithoutClusterAnnotationToThatCluster() throws Exception {
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1");
        settings.put(VaultTestSettings.KUBECONFIG, kubeconfig.toString());
        settings.put(VaultTestSettings.CONTEXT, "staging");

        VaultEnvironmentSpec spec = specOf(NoClusterAnnotation.class);

        assertThat(spec.cluster()).isEqualTo(ExistingClusterSpec.of(kubeconfig).withContext("staging"));
        assertThat(DeploymentSpecs.needsDocker(spec)).isFalse();
        assertThat(specOf(Explicit.class).cluster()).isInstanceOf(K3sClusterSpec.class);
    }

    @VaultTest
    @ExistingCluster(kubeconfig = "src/test/resources/values/production.yaml", context = "kind-kind")
    @AutoUnseal
    static class ExistingWithEmulator {
    }

    @Test
    void theReapAfterSettingReachesEveryExistingClusterAndNeverTurnsRemovalOff() throws Exception {
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1");
        settings.put(VaultTestSettings.KUBECONFIG, kubeconfig.toString());

        assertThat(((ExistingClusterSpec) specOf(NoClusterAnnotation.class).cluster()).reapAfter())
                .as("default").contains(ExistingClusterSpec.DEFAULT_REAP_AFTER);
        settings.put(VaultTestSettings.REAP_AFTER, "20m");
        assertThat(((ExistingClusterSpec) specOf(NoClusterAnnotation.class).cluster()).reapAfter())
                .contains(java.time.Duration.ofMinutes(20));
        assertThat(((ExistingClusterSpec) specOf(ExistingWithEmulator.class).cluster()).reapAfter())
                .contains(java.time.Duration.ofMinutes(20));
        settings.put(VaultTestSettings.REAP_AFTER, "Never");
        assertThat(((ExistingClusterSpec) specOf(ExistingWithEmulator.class).cluster()).reapAfter()).isEmpty();
    }

    @Test
    void anExistingClusterNeedsDockerOnlyForAKmsEmulator() {
        VaultEnvironmentSpec spec = specOf(ExistingWithEmulator.class);

        assertThat(spec.cluster()).isEqualTo(ExistingClusterSpec.of(Path.of("src/test/resources/values/production.yaml"))
                .withContext("kind-kind"));
        assertThat(DeploymentSpecs.needsDocker(spec)).isTrue();
    }

    @Test
    void anExternalKmsEndpointMakesEveryEmulatedKmsTheExternalOneWhichNeedsNoDocker() {
        settings.put(VaultTestSettings.KMS_ENDPOINT, "http://10.0.0.5:8080");

        VaultEnvironmentSpec existing = specOf(ExistingWithEmulator.class);
        VaultEnvironmentSpec explicit = specOf(Explicit.class);

        assertThat(existing.seal()).isEqualTo(SealSpec.awsKms(KmsProvider.EXTERNAL));
        assertThat(DeploymentSpecs.needsDocker(existing)).isFalse();
        assertThat(explicit.seal()).as("the annotation's region is kept")
                .isEqualTo(SealSpec.awsKms(KmsProvider.EXTERNAL).inRegion("eu-west-1"));
        assertThat(specOf(RealAws.class).seal()).isEqualTo(SealSpec.awsKms(KmsProvider.REAL_AWS));
        assertThat(specOf(Defaults.class).seal()).isEqualTo(SealSpec.defaults());
    }

    @VaultTest
    @ExistingCluster(kubeconfig = "src/test/resources/values/production.yaml")
    @AutoUnseal(kms = KmsProvider.REAL_AWS)
    static class RealAws {
    }

    @VaultTest
    @ExistingCluster(kubeconfig = "src/test/resources/values/production.yaml")
    @AutoUnseal(kms = KmsProvider.EXTERNAL, region = "us-east-1")
    static class External {
    }

    @Test
    void anExternalKmsNeedsItsEndpointUnlessATestFactoryWiresIt() {
        assertThatThrownBy(() -> specOf(External.class)).isInstanceOf(VaultTestConfigurationException.class)
                .hasMessage("@AutoUnseal(kms = EXTERNAL) on " + External.class.getName() + ": the emulator runs"
                        + " already, but vaulttest.kms.endpoint does not say where: set it to the URL Vault pods"
                        + " reach it at, for example -Dvaulttest.kms.endpoint=http://10.0.0.5:8080");

        settings.put(VaultTestSettings.ENVIRONMENT_FACTORY, "com.example.OwnFactory");
        VaultEnvironmentSpec spec = specOf(External.class);

        assertThat(spec.seal()).isEqualTo(SealSpec.awsKms(KmsProvider.EXTERNAL).inRegion("us-east-1"));
        assertThat(DeploymentSpecs.needsDocker(spec)).isFalse();
    }

    @VaultTest
    @K3sCluster
    @ExistingCluster
    static class TwoClusters {
    }

    @VaultTest
    @Shamir
    @AutoUnseal
    static class TwoSeals {
    }

    @VaultTest
    @Shamir(shares = 3, threshold = 1)
    static class BadShamir {
    }

    @VaultTest
    @VaultDeployment(values = "classpath:values/missing.yaml")
    static class MissingValues {
    }

    @VaultTest
    @VaultDeployment(values = "no/such/values.yaml")
    static class MissingValuesFile {
    }

    @VaultTest
    @VaultDeployment(chartVersion = "latest")
    static class FloatingChart {
    }

    @VaultTest
    @VaultDeployment(chartVersion = "0.29.0", chartPath = "charts/vault")
    static class TwoCharts {
    }

    @VaultTest
    @VaultDeployment(replicas = 0)
    static class NoReplicas {
    }

    @Test
    void contradictoryOrUnusableAnnotationsNameTheAnnotationTheValueAndTheClass() {
        assertThatThrownBy(() -> specOf(TwoClusters.class)).isInstanceOf(VaultTestConfigurationException.class)
                .hasMessage("@K3sCluster and @ExistingCluster on " + TwoClusters.class.getName() + ": choose one cluster");
        assertThatThrownBy(() -> specOf(TwoSeals.class)).hasMessageContaining("@Shamir and @AutoUnseal on")
                .hasMessageContaining("choose one seal");
        assertThatThrownBy(() -> specOf(BadShamir.class))
                .hasMessageContaining("@Shamir(shares = 3, threshold = 1) on " + BadShamir.class.getName())
                .hasMessageContaining("not accepted by Vault");
        assertThatThrownBy(() -> specOf(MissingValues.class))
                .hasMessageContaining("@VaultDeployment(values) \"classpath:values/missing.yaml\"")
                .hasMessageContaining("no such resource on the test class path");
        assertThatThrownBy(() -> specOf(MissingValuesFile.class))
                .hasMessageContaining("@VaultDeployment(values) \"no/such/values.yaml\"")
                .hasMessageContaining("no such file (resolved to " + Path.of("no/such/values.yaml").toAbsolutePath());
        assertThatThrownBy(() -> specOf(FloatingChart.class))
                .hasMessageContaining("@VaultDeployment(chartVersion = \"latest\") on " + FloatingChart.class.getName())
                .hasMessageContaining("not an exact chart version");
        assertThatThrownBy(() -> specOf(TwoCharts.class)).hasMessageContaining("give a chart version or a chart path, not both");
        assertThatThrownBy(() -> specOf(NoReplicas.class))
                .hasMessageContaining("@VaultDeployment(replicas = 0)").hasMessageContaining("at least 1 replica");
    }

    @Test
    void aBadChartVersionSettingNamesTheSetting() {
        settings.put(VaultTestSettings.CHART_VERSION, "0.30");

        assertThatThrownBy(() -> specOf(Defaults.class))
                .hasMessageContaining("vaulttest.chart.version=0.30 is not usable");
    }

    @Test
    void valuesFilesAreResolvedFromTheFileSystemToo() {
        assertThat(ClasspathOrFile.resolve(Defaults.class, "src/test/resources/values/production.yaml", "x"))
                .isEqualTo(Path.of("src/test/resources/values/production.yaml"));
        assertThat(List.of(ClasspathOrFile.resolve(Defaults.class, "classpath:/values/production.yaml", "x")))
                .singleElement().satisfies(path -> assertThat(path).exists());
    }
}
