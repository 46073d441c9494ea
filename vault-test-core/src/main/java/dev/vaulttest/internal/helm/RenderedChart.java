package dev.vaulttest.internal.helm;

import dev.vaulttest.chart.EffectiveValues;
import dev.vaulttest.chart.RenderedManifests;
import java.util.Objects;

/**
 * The result of rendering a chart: what was asked, the values Helm was given, Helm's output and the objects in it.
 *
 * @param request what was rendered
 * @param values the effective values Helm rendered with
 * @param manifest Helm's multi-document YAML output, as Helm wrote it
 * @param manifests the objects of {@code manifest}, parsed by fabric8
 */
public record RenderedChart(RenderRequest request, EffectiveValues values, String manifest, RenderedManifests manifests) {

    /**
     * Requires every component.
     *
     * @param request what was rendered
     * @param values the effective values Helm rendered with
     * @param manifest Helm's multi-document YAML output, as Helm wrote it
     * @param manifests the objects of {@code manifest}, parsed by fabric8
     */
    public RenderedChart {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(manifests, "manifests");
    }
}
