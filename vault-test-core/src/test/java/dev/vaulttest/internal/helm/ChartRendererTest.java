package dev.vaulttest.internal.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import dev.vaulttest.chart.ChartCache;
import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.chart.HelmException;
import dev.vaulttest.chart.InvalidValuesException;
import dev.vaulttest.chart.TestCharts;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class ChartRendererTest {

    private static final Logger LOG = LoggerFactory.getLogger(ChartRendererTest.class);

    @TempDir
    Path temp;

    private final ChartRenderer renderer = new ChartRenderer(new ChartCache(Path.of("target/unused-chart-cache")));

    @Test
    void rendersADirectoryIntoTypedObjectsWithDefaultReleaseAndNamespace() {
        RenderedChart rendered = renderer.render(TestCharts.directory("mini-vault"), ChartValues.none());

        StatefulSet statefulSet = rendered.manifests().named(StatefulSet.class, "vault").orElseThrow();
        assertThat(statefulSet.getMetadata().getNamespace()).isEqualTo("default");
        assertThat(statefulSet.getSpec().getReplicas()).isEqualTo(3);
        assertThat(rendered.manifests().named(ConfigMap.class, "vault-config")).isPresent();
        assertThat(rendered.manifests().named(Service.class, "vault")).isPresent();
        assertThat(rendered.manifests().objects()).as("the comment-only document is skipped").hasSize(3);
        assertThat(rendered.manifest()).contains("# Source: mini-vault/templates/statefulset.yaml");
    }

    @Test
    void rendersWithTheGivenValuesReleaseAndNamespace() {
        RenderRequest request = RenderRequest.builder(TestCharts.directory("mini-vault"))
                .values(ChartValues.builder().set("server.replicas=5,server.dev.enabled=true").build())
                .releaseName("team-vault")
                .namespace("secrets")
                .build();

        RenderedChart rendered = renderer.render(request);

        StatefulSet statefulSet = rendered.manifests().named(StatefulSet.class, "team-vault").orElseThrow();
        assertThat(statefulSet.getMetadata().getNamespace()).isEqualTo("secrets");
        assertThat(statefulSet.getSpec().getReplicas()).isEqualTo(5);
        assertThat(statefulSet.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs()).containsExactly("server", "-dev");
        assertThat(rendered.values().asMap()).containsKey("server");
    }

    @Test
    void unknownKindsBecomeGenericResources() {
        RenderedChart rendered = renderer.render(TestCharts.directory("mini-vault"),
                ChartValues.builder().set("server.monitor.enabled=true").build());

        assertThat(rendered.manifests().all(GenericKubernetesResource.class))
                .singleElement()
                .satisfies(monitor -> {
                    assertThat(monitor.getKind()).isEqualTo("ServiceMonitor");
                    assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
                });
    }

    @Test
    void rendersAPackagedChart() {
        new Helm(TestCharts.path("mini-vault")).packageIt().withDestination(temp).call();

        RenderedChart rendered = renderer.render(ChartSource.archive(temp.resolve("mini-vault-0.2.0.tgz")), ChartValues.none());

        assertThat(rendered.manifests().all(StatefulSet.class)).hasSize(1);
    }

    @Test
    void aChartThatFailsToRenderNamesTheChartAndHelmsMessage() {
        ChartSource broken = TestCharts.directory("broken");

        assertThatThrownBy(() -> renderer.render(broken, ChartValues.none()))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("Helm could not render chart " + broken.describe())
                .hasMessageContaining("storageClass is required by this test chart");
    }

    @Test
    void outputThatIsNotKubernetesObjectsNamesTheTemplate() {
        assertThatThrownBy(() -> renderer.render(TestCharts.directory("not-kubernetes"), ChartValues.none()))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("not-kubernetes/templates/plain.yaml");
    }

    @Test
    void badValuesFailBeforeHelmRuns() {
        Path missing = temp.resolve("missing.yaml");

        assertThatThrownBy(() -> renderer.render(TestCharts.directory("mini-vault"), ChartValues.builder().file(missing).build()))
                .isInstanceOf(InvalidValuesException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void warmRendersOfASmallChartTakeMilliseconds() {
        ChartSource chart = TestCharts.directory("mini-vault");
        long[] millis = new long[6];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            RenderedChart rendered = renderer.render(chart, ChartValues.none());
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            assertThat(rendered.manifests().objects()).isNotEmpty();
        }
        long[] warm = Arrays.copyOfRange(millis, 1, millis.length);
        Arrays.sort(warm);
        LOG.info("mini-vault render times in ms (first may include loading Helm, when no earlier test did): {}; warm median {}",
                Arrays.toString(millis), warm[warm.length / 2]);
        assertThat(warm[warm.length / 2]).as("warm median render time in ms").isLessThan(1_000);
    }

    @Test
    void manifestReaderFlattensListsAndSkipsEmptyDocuments() {
        String yaml = "---\n# nothing here\n---\napiVersion: v1\nkind: List\nitems:\n"
                + "- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n"
                + "- apiVersion: storage.k8s.io/v1\n  kind: StorageClass\n  metadata: {name: b}\n  provisioner: x\n";

        assertThat(new ManifestReader().read(yaml, "test").stream().map(HasMetadata::getKind))
                .containsExactly("ConfigMap", "StorageClass");
    }
}
