package dev.vaulttest.check;

import dev.vaulttest.chart.ChartCache;
import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.chart.InvalidManifestException;
import dev.vaulttest.internal.helm.ChartRenderer;
import dev.vaulttest.internal.helm.ManifestReader;
import dev.vaulttest.internal.helm.RenderRequest;
import dev.vaulttest.internal.helm.RenderedChart;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Runs the static production-readiness checks on a chart without a cluster: renders the chart with
 * the given values (as {@code helm template} would) and evaluates {@link StaticChecks} on the result.
 * This is the JUnit-free entry point, also used by the command line.
 *
 * <pre>{@code
 * CheckReport report = OfflineCheck.builder()
 *         .chart(ChartSource.official())
 *         .valuesFile(Path.of("values-prod.yaml"))
 *         .set("server.ha.replicas=3")
 *         .storageClassManifest(Path.of("storage-classes.yaml"))
 *         .nodeCount(3)
 *         .build()
 *         .run();
 * }</pre>
 *
 * @param chart the chart to render
 * @param values the values to render it with
 * @param storageClassManifests YAML files holding the target cluster's StorageClass objects
 * @param storageClasses StorageClass objects given directly
 * @param nodeCount the target cluster's schedulable node count, when known
 * @param releaseName the Helm release name
 * @param namespace the namespace
 * @param cache where repository charts are kept
 */
public record OfflineCheck(ChartSource chart, ChartValues values, List<Path> storageClassManifests,
                           List<StorageClass> storageClasses, OptionalInt nodeCount, String releaseName,
                           String namespace, ChartCache cache) {

    /**
     * Requires every component and copies the lists.
     *
     * @param chart the chart to render
     * @param values the values to render it with
     * @param storageClassManifests YAML files holding the target cluster's StorageClass objects
     * @param storageClasses StorageClass objects given directly
     * @param nodeCount the target cluster's schedulable node count, when known
     * @param releaseName the Helm release name
     * @param namespace the namespace
     * @param cache where repository charts are kept
     */
    public OfflineCheck {
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(values, "values");
        storageClassManifests = List.copyOf(storageClassManifests);
        storageClasses = List.copyOf(storageClasses);
        Objects.requireNonNull(nodeCount, "nodeCount");
        Objects.requireNonNull(releaseName, "releaseName");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(cache, "cache");
    }

    /**
     * Starts a builder: no values, no StorageClasses, unknown node count, release
     * {@value RenderRequest#DEFAULT_RELEASE_NAME}, namespace {@value RenderRequest#DEFAULT_NAMESPACE},
     * the default {@link ChartCache}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Renders the chart and evaluates every static rule.
     *
     * @return the findings
     * @throws dev.vaulttest.base.VaultTestException (a subclass naming the input) when the chart, a values file, a
     *     StorageClass manifest or the rendered Vault configuration cannot be used
     */
    public CheckReport run() {
        ManifestReader reader = new ManifestReader();
        List<StorageClass> classes = new ArrayList<>(storageClasses);
        for (Path manifest : storageClassManifests) {
            classes.addAll(readStorageClasses(reader, manifest));
        }
        RenderedChart rendered = new ChartRenderer(cache, reader).render(RenderRequest.builder(chart)
                .values(values)
                .releaseName(releaseName)
                .namespace(namespace)
                .build());
        CheckOptions.Builder options = CheckOptions.builder().storageClasses(classes);
        nodeCount.ifPresent(options::nodeCount);
        return StaticChecks.evaluate(rendered.manifests(), options.build());
    }

    private static List<StorageClass> readStorageClasses(ManifestReader reader, Path manifest) {
        List<HasMetadata> objects = reader.read(manifest);
        List<StorageClass> classes = new ArrayList<>();
        for (HasMetadata object : objects) {
            if (!(object instanceof StorageClass storageClass)) {
                throw new InvalidManifestException("StorageClass manifest '" + manifest + "' holds a " + object.getKind()
                        + " '" + object.getMetadata().getName() + "'; it may only hold StorageClass objects"
                        + " (for example the output of 'kubectl get storageclass -o yaml').", null);
            }
            classes.add(storageClass);
        }
        if (classes.isEmpty()) {
            throw new InvalidManifestException("StorageClass manifest '" + manifest + "' holds no StorageClass objects.", null);
        }
        return classes;
    }

    /** Collects the inputs of an {@link OfflineCheck}. */
    public static final class Builder {
        private ChartSource chart;
        private ChartValues.Builder values = ChartValues.builder();
        private final List<Path> storageClassManifests = new ArrayList<>();
        private final List<StorageClass> storageClasses = new ArrayList<>();
        private OptionalInt nodeCount = OptionalInt.empty();
        private String releaseName = RenderRequest.DEFAULT_RELEASE_NAME;
        private String namespace = RenderRequest.DEFAULT_NAMESPACE;
        private ChartCache cache;

        private Builder() {
        }

        /**
         * Sets the chart.
         *
         * @param chart the chart
         * @return this builder
         */
        public Builder chart(ChartSource chart) {
            this.chart = Objects.requireNonNull(chart, "chart");
            return this;
        }

        /**
         * Sets the chart from its command-line form: a directory, a {@code .tgz} or {@code vault@VERSION}.
         *
         * @param chart the chart as text
         * @return this builder
         * @throws dev.vaulttest.chart.InvalidChartSourceException naming the input when it is not a chart
         */
        public Builder chart(String chart) {
            return chart(ChartSource.parse(chart));
        }

        /**
         * Adds a values file; later files win.
         *
         * @param file the YAML file
         * @return this builder
         */
        public Builder valuesFile(Path file) {
            values.file(file);
            return this;
        }

        /**
         * Adds a Helm {@code --set} expression, applied after every values file.
         *
         * @param expression such as {@code server.ha.replicas=3}
         * @return this builder
         */
        public Builder set(String expression) {
            values.set(expression);
            return this;
        }

        /**
         * Adds a Helm {@code --set-string} expression, applied after every {@code --set}.
         *
         * @param expression such as {@code server.image.tag=2.0}
         * @return this builder
         */
        public Builder setString(String expression) {
            values.setString(expression);
            return this;
        }

        /**
         * Replaces the values gathered so far with a complete values spec.
         *
         * @param values the values
         * @return this builder
         */
        public Builder values(ChartValues values) {
            this.values = values.toBuilder();
            return this;
        }

        /**
         * Adds a YAML file of the target cluster's StorageClass objects.
         *
         * @param manifest the file
         * @return this builder
         */
        public Builder storageClassManifest(Path manifest) {
            storageClassManifests.add(Objects.requireNonNull(manifest, "manifest"));
            return this;
        }

        /**
         * Adds StorageClass objects of the target cluster.
         *
         * @param classes the classes
         * @return this builder
         */
        public Builder storageClasses(List<StorageClass> classes) {
            storageClasses.addAll(classes);
            return this;
        }

        /**
         * Sets the target cluster's number of schedulable nodes.
         *
         * @param nodes at least 1
         * @return this builder
         */
        public Builder nodeCount(int nodes) {
            if (nodes < 1) {
                throw new IllegalArgumentException("nodeCount must be at least 1 but was " + nodes);
            }
            this.nodeCount = OptionalInt.of(nodes);
            return this;
        }

        /**
         * Sets the Helm release name.
         *
         * @param releaseName the release name
         * @return this builder
         */
        public Builder releaseName(String releaseName) {
            this.releaseName = releaseName;
            return this;
        }

        /**
         * Sets the namespace.
         *
         * @param namespace the namespace
         * @return this builder
         */
        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /**
         * Sets where repository charts are kept; default {@link ChartCache#atDefaultLocation()}.
         *
         * @param cache the cache
         * @return this builder
         */
        public Builder cache(ChartCache cache) {
            this.cache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /**
         * Builds the check.
         *
         * @return the immutable check
         * @throws IllegalStateException when no chart was given
         */
        public OfflineCheck build() {
            if (chart == null) {
                throw new IllegalStateException("OfflineCheck needs a chart: call chart(...) before build()");
            }
            return new OfflineCheck(chart, values.build(), storageClassManifests, storageClasses, nodeCount,
                    releaseName, namespace, cache == null ? ChartCache.atDefaultLocation() : cache);
        }
    }
}
