package dev.vaulttest.engine;

import java.util.Map;

/** The standard {@link ClusterFit}: the chart package's {@link K3sOverlay}. */
final class K3sFit implements ClusterFit {

    @Override
    public Fitted fit(Map<String, Object> values, Context context) {
        OverlayInputs.Builder inputs = OverlayInputs.builder(context.environment(), context.facts())
                .releaseName(context.releaseName())
                .namespace(context.namespace())
                .clusterDescription(context.clusterDescription())
                .seal(context.seal())
                .reclaimPolicy(context.reclaimPolicy())
                .injectorEnabled(context.injector());
        context.kms().ifPresent(inputs::kms);
        ValuesOverlay overlay = K3sOverlay.compute(values, inputs.build());
        return new Fitted(overlay.values(), overlay.adjustments(), overlay.objectsToCreate(),
                overlay.tls().map(TlsMaterial::caCertificatePem), overlay.kmsKeyAlias());
    }
}
