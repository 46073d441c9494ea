package dev.vaulttest.internal.helm;

import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.chart.ChartValues;
import java.util.Objects;
import java.util.Optional;

/**
 * What to render: a chart, its values, the release name and namespace, and optionally the Kubernetes
 * version Helm should assume for {@code .Capabilities.KubeVersion}.
 *
 * @param chart the chart
 * @param values the values given to the chart
 * @param releaseName the Helm release name ({@code .Release.Name}); default {@value #DEFAULT_RELEASE_NAME}
 * @param namespace the namespace ({@code .Release.Namespace}); default {@value #DEFAULT_NAMESPACE}
 * @param kubeVersion the Kubernetes version to render for, such as {@code v1.33.5}; empty for Helm's default
 */
public record RenderRequest(ChartSource chart, ChartValues values, String releaseName, String namespace,
                            Optional<String> kubeVersion) {

    /** The release name used when none is given. */
    public static final String DEFAULT_RELEASE_NAME = "vault";

    /** The namespace used when none is given. */
    public static final String DEFAULT_NAMESPACE = "default";

    /**
     * Requires every component and non-blank names.
     *
     * @param chart the chart
     * @param values the values given to the chart
     * @param releaseName the Helm release name ({@code .Release.Name}); default {@value #DEFAULT_RELEASE_NAME}
     * @param namespace the namespace ({@code .Release.Namespace}); default {@value #DEFAULT_NAMESPACE}
     * @param kubeVersion the Kubernetes version to render for, such as {@code v1.33.5}; empty for Helm's default
     */
    public RenderRequest {
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(releaseName, "releaseName");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(kubeVersion, "kubeVersion");
        if (releaseName.isBlank() || namespace.isBlank()) {
            throw new IllegalArgumentException("release name and namespace must not be blank");
        }
    }

    /**
     * Starts a builder for the given chart, with no values, release {@value #DEFAULT_RELEASE_NAME} and
     * namespace {@value #DEFAULT_NAMESPACE}.
     *
     * @param chart the chart
     * @return the builder
     */
    public static Builder builder(ChartSource chart) {
        return new Builder(chart);
    }

    /** Builds a {@link RenderRequest} with defaults for what is not set. */
    public static final class Builder {
        private final ChartSource chart;
        private ChartValues values = ChartValues.none();
        private String releaseName = DEFAULT_RELEASE_NAME;
        private String namespace = DEFAULT_NAMESPACE;
        private Optional<String> kubeVersion = Optional.empty();

        private Builder(ChartSource chart) {
            this.chart = Objects.requireNonNull(chart, "chart");
        }

        /**
         * Sets the values.
         *
         * @param values the values spec
         * @return this builder
         */
        public Builder values(ChartValues values) {
            this.values = Objects.requireNonNull(values, "values");
            return this;
        }

        /**
         * Sets the release name.
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
         * Sets the Kubernetes version Helm renders for.
         *
         * @param kubeVersion a version such as {@code v1.33.5}
         * @return this builder
         */
        public Builder kubeVersion(String kubeVersion) {
            this.kubeVersion = Optional.of(kubeVersion);
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the immutable request
         */
        public RenderRequest build() {
            return new RenderRequest(chart, values, releaseName, namespace, kubeVersion);
        }
    }
}
