package dev.vaulttest.internal.helm;

import dev.vaulttest.cluster.KubernetesCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What to install or upgrade: a chart already rendered with the exact effective values, where Helm can load
 * the chart from, and the cluster to install into. The release name and namespace are those of
 * {@link RenderedChart#request()}, so what is installed is what was rendered and checked.
 *
 * @param rendered the chart rendered for this release and namespace, with the effective values
 * @param chartPath a chart directory or archive on this machine (for repository charts: the cached archive)
 * @param cluster the cluster to install into; its kubeconfig is handed to Helm
 * @param timeout how long Helm may take for the API calls of one install or upgrade (no readiness wait)
 */
public record ReleaseRequest(RenderedChart rendered, Path chartPath, KubernetesCluster cluster, Duration timeout) {

    /**
     * Requires every component and a positive timeout.
     *
     * @param rendered the chart rendered for this release and namespace, with the effective values
     * @param chartPath a chart directory or archive on this machine
     * @param cluster the cluster to install into
     * @param timeout how long Helm may take for the API calls of one install or upgrade
     */
    public ReleaseRequest {
        Objects.requireNonNull(rendered, "rendered");
        Objects.requireNonNull(chartPath, "chartPath");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    /**
     * The Helm release name.
     *
     * @return the release name of the render request
     */
    public String releaseName() {
        return rendered.request().releaseName();
    }

    /**
     * The namespace of the release.
     *
     * @return the namespace of the render request
     */
    public String namespace() {
        return rendered.request().namespace();
    }

    /**
     * The chart, for messages.
     *
     * @return the chart's description
     */
    public String chartDescription() {
        return rendered.request().chart().describe();
    }
}
