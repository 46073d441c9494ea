package dev.vaulttest.internal.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import dev.vaulttest.chart.ChartCache;
import dev.vaulttest.chart.ChartDownloadException;
import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.chart.EffectiveValues;
import dev.vaulttest.chart.HelmException;
import dev.vaulttest.chart.InvalidManifestException;
import dev.vaulttest.chart.InvalidValuesException;
import dev.vaulttest.chart.RenderedManifests;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders charts locally, like {@code helm template}, through helm-java, and parses the output with fabric8.
 *
 * <p>The values files and {@code --set} expressions go to Helm as they are, and the {@link EffectiveValues}
 * in the result are what Helm merged from them (read back from Helm first, see
 * {@link HelmValues#merge}), so they are exactly what the chart was rendered with. Repository
 * charts are taken from the {@link ChartCache}, downloaded once when missing.
 *
 * <p>A renderer is cheap to keep and safe to reuse; the first render in a JVM also loads Helm's
 * native library (a few hundred milliseconds), later renders of a small chart take milliseconds.
 */
public final class ChartRenderer {

    private static final Logger LOG = LoggerFactory.getLogger(ChartRenderer.class);

    private final ChartCache cache;
    private final ManifestReader reader;

    /**
     * Creates a renderer that takes repository charts from the given cache.
     *
     * @param cache where repository charts are kept
     */
    public ChartRenderer(ChartCache cache) {
        this(cache, new ManifestReader());
    }

    /**
     * Creates a renderer that shares a manifest reader (and its fabric8 set-up) with other code.
     *
     * @param cache where repository charts are kept
     * @param reader parses Helm's output
     */
    public ChartRenderer(ChartCache cache, ManifestReader reader) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * The cache this renderer takes repository charts from.
     *
     * @return the cache
     */
    public ChartCache cache() {
        return cache;
    }

    /**
     * Renders a chart with values, release {@value RenderRequest#DEFAULT_RELEASE_NAME} and namespace
     * {@value RenderRequest#DEFAULT_NAMESPACE}.
     *
     * @param chart the chart
     * @param values the values
     * @return the rendered chart
     * @throws InvalidValuesException when the values cannot be read or applied
     * @throws ChartDownloadException when a repository chart is neither cached nor downloadable
     * @throws HelmException when Helm fails or its output is not Kubernetes objects
     */
    public RenderedChart render(ChartSource chart, ChartValues values) {
        return render(RenderRequest.builder(chart).values(values).build());
    }

    /**
     * Renders a chart as the request says.
     *
     * @param request what to render
     * @return the rendered chart
     * @throws InvalidValuesException when the values cannot be read or applied
     * @throws ChartDownloadException when a repository chart is neither cached nor downloadable
     * @throws HelmException when Helm fails or its output is not Kubernetes objects
     */
    public RenderedChart render(RenderRequest request) {
        try (HelmValues helmValues = HelmValues.of(request.values())) {
            EffectiveValues values = helmValues.merged();
            Path chartPath = cache.localPath(request.chart());
            String manifest = template(request, chartPath, helmValues);
            try {
                RenderedManifests manifests = new RenderedManifests(reader.read(manifest, "chart " + request.chart().describe()));
                return new RenderedChart(request, values, manifest, manifests);
            } catch (InvalidManifestException e) {
                throw new HelmException("Chart " + request.chart().describe()
                        + " rendered output that is not Kubernetes objects: " + e.getMessage(), e);
            }
        }
    }

    private static String template(RenderRequest request, Path chartPath, HelmValues values) {
        try {
            TemplateCommand template = new Helm(chartPath).template()
                    .withName(request.releaseName())
                    .withNamespace(request.namespace());
            values.applyTo(template::withValuesFile, template::set, template::setFile);
            request.kubeVersion().ifPresent(template::withKubeVersion);
            long start = System.nanoTime();
            String manifest = template.call();
            LOG.debug("Rendered chart {} in {} ms", request.chart().describe(), (System.nanoTime() - start) / 1_000_000);
            return manifest;
        } catch (IllegalStateException e) {
            throw new HelmException("Helm could not render chart " + request.chart().describe() + ": "
                    + String.valueOf(e.getMessage()).strip(), e);
        }
    }
}
