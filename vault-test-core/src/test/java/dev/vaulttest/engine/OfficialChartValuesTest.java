package dev.vaulttest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.DeploymentMode;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.base.Versions;
import dev.vaulttest.chart.ChartCache;
import dev.vaulttest.chart.ChartDownloadException;
import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.cluster.KubernetesCluster.ClusterFacts;
import dev.vaulttest.internal.helm.ChartRenderer;
import dev.vaulttest.internal.helm.RenderRequest;
import dev.vaulttest.internal.helm.RenderedChart;
import dev.vaulttest.kms.KmsEmulator.AwsCredentials;
import dev.vaulttest.kms.KmsProvider;
import dev.vaulttest.kms.SealSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The official chart rendered with the effective values the bring-up would install on a single-node k3s: the
 * default spec, an awskms spec, the TLS option and the production-shaped team values. Needs the official chart:
 * from {@code -Dvaulttest.officialChart.dir=<vault-helm checkout>}, else the chart cache (downloading it once).
 * Skipped with the reason when neither is available, as on a machine without network.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficialChartValuesTest {

    private static final EnvironmentId ID = new EnvironmentId("official-abc123");
    private static final KmsConnection KMS = new KmsConnection(URI.create("http://172.18.0.5:4566"), "eu-west-1",
            new AwsCredentials("test", "test"));

    private ChartSource chart;
    private ChartRenderer renderer;
    private String unavailable;

    @BeforeAll
    void locateChart() {
        String directory = System.getProperty("vaulttest.officialChart.dir");
        ChartCache cache = ChartCache.atDefaultLocation();
        if (directory != null && !directory.isBlank()) {
            chart = ChartSource.directory(Path.of(directory));
        } else {
            chart = ChartSource.official();
            try {
                cache.localPath(chart);
            } catch (ChartDownloadException e) {
                unavailable = "The official chart " + chart.describe() + " is neither cached nor downloadable ("
                        + e.getMessage() + "); set -Dvaulttest.officialChart.dir to a vault-helm checkout";
            }
        }
        renderer = new ChartRenderer(cache);
    }

    private static ClusterFacts singleNodeK3s() {
        return new ClusterFacts(List.of(Map.of("kubernetes.io/hostname", "k3s-node")), Set.of("local-path"),
                Optional.of("local-path"), Set.of(), true);
    }

    private RenderedChart render(VaultEnvironmentSpec spec, Optional<KmsConnection> kms) {
        requireChart();
        ClusterFit.Context context = new ClusterFit.Context(ID, ID.releaseName(), ID.namespace(), "k3s",
                singleNodeK3s(), spec.seal(), kms, spec.reclaimPolicy(), spec.injector());
        ReleaseValues.Fitted fitted = ReleaseValues.fit(ReleaseValues.withMode(spec), context);
        return renderer.render(RenderRequest.builder(chart).values(fitted.values()).releaseName(ID.releaseName())
                .namespace(ID.namespace()).kubeVersion("v1.33.5").build());
    }

    private void requireChart() {
        if (unavailable != null) {
            Assumptions.abort(unavailable);
        }
    }

    private static StatefulSet statefulSet(RenderedChart rendered) {
        return rendered.manifests().named(StatefulSet.class, ID.releaseName()).orElseThrow();
    }

    private static Container vault(StatefulSet sts) {
        return sts.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals("vault")).findFirst().orElseThrow();
    }

    private static Optional<EnvVar> env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst();
    }

    private static Path resource(String path) {
        try {
            return Path.of(OfficialChartValuesTest.class.getResource("/" + path).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDefaultSpecRendersThreeRaftPodsWithoutAntiAffinityOrInjector() {
        RenderedChart rendered = render(VaultEnvironmentSpec.builder().chart(chart).build(), Optional.empty());
        StatefulSet sts = statefulSet(rendered);
        DeploymentPlan plan = DeploymentPlan.of(rendered);

        assertThat(sts.getSpec().getReplicas()).isEqualTo(3);
        assertThat(sts.getSpec().getUpdateStrategy().getType()).isEqualTo("OnDelete");
        assertThat(sts.getSpec().getTemplate().getSpec().getAffinity()).isNull();
        assertThat(env(vault(sts), "VAULT_RAFT_NODE_ID")).isPresent();
        assertThat(rendered.manifests().all(Deployment.class)).isEmpty();
        assertThat(rendered.manifests().all(MutatingWebhookConfiguration.class)).isEmpty();
        assertThat(plan.scheme()).isEqualTo("http");
        assertThat(plan.raft()).isTrue();
        assertThat(plan.retryJoin()).isFalse();
        assertThat(plan.headlessService()).isEqualTo(ID.releaseName() + "-internal");
        assertThat(vault(sts).getImage()).isEqualTo(Versions.VAULT_IMAGE);
    }

    @Test
    void anAwsKmsSpecPointsTheSealAtTheEmulatorThroughTheEnvironment() {
        RenderedChart rendered = render(VaultEnvironmentSpec.builder().chart(chart)
                .seal(SealSpec.awsKms(KmsProvider.LOCALSTACK)).build(), Optional.of(KMS));
        Container vault = vault(statefulSet(rendered));

        assertThat(env(vault, "VAULT_SEAL_TYPE")).hasValueSatisfying(e -> assertThat(e.getValue()).isEqualTo("awskms"));
        assertThat(env(vault, "AWS_KMS_ENDPOINT")).hasValueSatisfying(
                e -> assertThat(e.getValue()).isEqualTo("http://172.18.0.5:4566"));
        assertThat(env(vault, "AWS_ACCESS_KEY_ID")).hasValueSatisfying(
                e -> assertThat(e.getValueFrom().getSecretKeyRef()).isNotNull());
    }

    @Test
    void theTlsOptionRendersAnHttpsListenerWithTheGeneratedSecretMounted() {
        RenderedChart rendered = render(VaultEnvironmentSpec.builder().chart(chart).tls(true).build(), Optional.empty());
        StatefulSet sts = statefulSet(rendered);

        assertThat(DeploymentPlan.of(rendered).scheme()).isEqualTo("https");
        assertThat(sts.getSpec().getTemplate().getSpec().getVolumes()).anySatisfy(v -> assertThat(v.getSecret())
                .isNotNull().satisfies(s -> assertThat(s.getSecretName()).isEqualTo(ModeValues.TLS_SECRET)));
        assertThat(vault(sts).getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath())
                .isEqualTo(ModeValues.TLS_DIRECTORY));
    }

    @Test
    void theProductionShapedValuesKeepTlsRetryJoinAndStorageClassesAndLoseOnlyWhatK3sCannotHave() {
        VaultEnvironmentSpec spec = VaultEnvironmentSpec.builder().chart(chart).mode(DeploymentMode.FROM_VALUES)
                .values(ChartValues.builder().file(resource("environment/production-shaped.yaml")).build())
                .seal(SealSpec.awsKms(KmsProvider.LOCALSTACK)).build();
        RenderedChart rendered = render(spec, Optional.of(KMS));
        StatefulSet sts = statefulSet(rendered);
        Container vault = vault(sts);
        DeploymentPlan plan = DeploymentPlan.of(rendered);

        assertThat(sts.getSpec().getReplicas()).isEqualTo(3);
        assertThat(sts.getSpec().getTemplate().getSpec().getAffinity()).isNull();
        assertThat(sts.getSpec().getVolumeClaimTemplates()).extracting(c -> c.getMetadata().getName())
                .containsExactly("data", "audit");
        assertThat(sts.getSpec().getVolumeClaimTemplates()).extracting(c -> c.getSpec().getStorageClassName())
                .containsOnly("fast-ssd");
        assertThat(sts.getSpec().getTemplate().getSpec().getVolumes()).anySatisfy(v -> assertThat(v.getSecret())
                .isNotNull().satisfies(s -> assertThat(s.getSecretName()).isEqualTo("vault-tls")));
        assertThat(vault.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath())
                .isEqualTo("/vault/userconfig/vault-tls"));
        assertThat(env(vault, "VAULT_CACERT")).hasValueSatisfying(e -> assertThat(e.getValue())
                .isEqualTo("/vault/userconfig/vault-tls/ca.crt"));
        assertThat(env(vault, "AWS_KMS_ENDPOINT")).isPresent();
        assertThat(env(vault, "AWS_REGION")).hasValueSatisfying(e -> assertThat(e.getValue()).isEqualTo("eu-west-1"));
        assertThat(vault.getImage()).isEqualTo("hashicorp/vault:2.0.4");
        assertThat(rendered.manifests().all(Deployment.class)).isEmpty();
        assertThat(plan.scheme()).isEqualTo("https");
        assertThat(plan.retryJoin()).isTrue();
    }

    @Test
    void standaloneAndDevPlansReadFromTheOfficialChart() {
        DeploymentPlan standalone = DeploymentPlan.of(render(VaultEnvironmentSpec.builder().chart(chart)
                .mode(DeploymentMode.STANDALONE).build(), Optional.empty()));
        DeploymentPlan dev = DeploymentPlan.of(render(VaultEnvironmentSpec.builder().chart(chart)
                .mode(DeploymentMode.DEV).build(), Optional.empty()));

        assertThat(standalone.replicas()).isEqualTo(1);
        assertThat(standalone.raft()).isFalse();
        assertThat(standalone.dev()).isFalse();
        assertThat(dev.dev()).isTrue();
        assertThat(dev.devRootToken()).hasValueSatisfying(t -> assertThat(t.reveal()).isEqualTo("root"));
    }

    /** Keeps the check honest: the directory given really is the official chart. */
    @Test
    void theChartIsTheOfficialVaultChart() throws Exception {
        requireChart();
        Path path = renderer.cache().localPath(chart);
        String chartYaml = Files.isDirectory(path) ? Files.readString(path.resolve("Chart.yaml")) : "archive " + path;
        assertThat(chartYaml).containsAnyOf("name: vault", "vault-" + Versions.CHART_VERSION);
    }
}
