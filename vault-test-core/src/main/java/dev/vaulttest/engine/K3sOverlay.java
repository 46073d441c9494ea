package dev.vaulttest.engine;

import dev.vaulttest.chart.Adjustment;
import dev.vaulttest.engine.VaultValuesView.Mode;
import dev.vaulttest.internal.NestedMaps;
import dev.vaulttest.rendered.VaultConfig;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits the team's values to the test cluster, adding only what the cluster needs, each addition logged and
 * returned as an {@link Adjustment}:
 * <ul>
 *   <li>the agent injector off, unless the test asks for it;</li>
 *   <li>required pod anti-affinity relaxed when the cluster has fewer nodes than replicas;</li>
 *   <li>StorageClasses the values name, created on k3s backed by local-path with the spec's reclaim policy;</li>
 *   <li>a self-signed TLS Secret when the configuration reads certificates from a mounted Secret;</li>
 *   <li>for {@code awskms} against an emulator: endpoint, region and (through a Secret) credentials in the
 *       environment, keeping the key alias the values name.</li>
 * </ul>
 * Values the cluster cannot satisfy fail early with an {@link UnsupportedValuesException} that names each value
 * and what to do.
 */
final class K3sOverlay {

    private static final Logger LOG = LoggerFactory.getLogger(K3sOverlay.class);

    private K3sOverlay() {
    }

    /**
     * Computes the overlay for a release.
     *
     * @param values the team's effective values (their files merged, without the chart's defaults)
     * @param inputs the release, the cluster's facts, the seal and the KMS emulator
     * @return the overlay layer, its adjustments and the objects to create before the install
     * @throws UnsupportedValuesException when values ask for something the cluster cannot provide
     * @throws dev.vaulttest.base.InvalidVaultConfigException when the Vault configuration string does not parse
     */
    public static ValuesOverlay compute(Map<String, Object> values, OverlayInputs inputs) {
        VaultValuesView view = new VaultValuesView(values);
        OverlayBuilder out = new OverlayBuilder();
        String fullname = view.fullname(inputs.releaseName());
        if (view.mode() == Mode.EXTERNAL) {
            String path = view.externalVaultAddress().isPresent() ? "global.externalVaultAddr" : "server.enabled";
            out.problem(path, "the values deploy no Vault server (external Vault or server disabled), so there is"
                    + " nothing to test.", "Enable the server in a test values layer (server.enabled: true,"
                    + " global.externalVaultAddr: \"\").");
            throw new UnsupportedValuesException(inputs.clusterDescription(), out.problems);
        }
        Optional<VaultConfig> config = readConfig(view, out);
        if (view.injectorEnabled() && !inputs.injectorEnabled()) {
            out.set("the test did not ask for the agent injector (it adds a webhook, a Deployment and an image);"
                    + " enable it with OverlayInputs.injectorEnabled(true)", false, "injector", "enabled");
        }
        SchedulingFit.apply(view, inputs, out);
        StorageFit.apply(view, inputs, out);
        TlsFit.apply(view, config, fullname, inputs, out);
        AwsKmsFit.apply(view, config, fullname, inputs, out);
        ReferencedObjectsFit.apply(view, inputs, out);
        if (!out.problems.isEmpty()) {
            throw new UnsupportedValuesException(inputs.clusterDescription(), out.problems);
        }
        out.adjustments.forEach(a -> LOG.debug("k3s fit-up for release {}: {}", inputs.releaseName(), a));
        return new ValuesOverlay(out.values, out.adjustments, out.objects, out.tls, out.kmsKeyAlias, fullname);
    }

    private static Optional<VaultConfig> readConfig(VaultValuesView view, OverlayBuilder out) {
        try {
            return view.config();
        } catch (IllegalStateException e) {
            String path = view.configPath().map(NestedMaps::dotted).orElse("server config");
            out.problem(path, "is a YAML map; the chart accepts the Vault configuration only as a string (HCL or"
                    + " JSON) since 0.29.0 and refuses to render a map.", "Write " + path + " as a string.");
            return Optional.empty();
        }
    }
}
