package dev.vaulttest.chaos;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.Release;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.chart.ChartCache;
import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.chart.ValuesLayer;
import dev.vaulttest.internal.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code helm upgrade --reset-values} with helm-java and the values the install would give Helm for the upgraded
 * team values: the installed team values with the target's values on top (what {@code --reset-then-reuse-values}
 * does with them), then the spec's mode layer and the install's cluster fit
 * ({@link VaultEnvironment#valuesForUpgrade}). So the target chart's defaults come under exactly those values, and
 * a values file that restates {@code server.affinity}, {@code injector.enabled} or the seal stanza cannot undo the
 * fit-ups or the KMS wiring. The values go to Helm as a JSON file (JSON is YAML, every string quoted), owner-only
 * and deleted after the call. No {@code --wait}: with OnDelete nothing restarts anyway.
 */
final class HelmUpgrader implements ReleaseUpgrader {

    private static final Logger LOG = LoggerFactory.getLogger(HelmUpgrader.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChartCache cache;

    HelmUpgrader(ChartCache cache) {
        this.cache = cache;
    }

    /**
     * What Helm gets: the installed team values with the target's on top, through the install's layers and fit.
     *
     * @param env the environment
     * @param target the upgrade target
     * @return the values tree
     */
    static Map<String, Object> valuesFor(VaultEnvironment env, UpgradeTarget target) {
        ChartValues installed = env.spec().values();
        ChartValues team = target.values().map(values -> onTopOf(installed, values)).orElse(installed);
        return env.valuesForUpgrade(team).effective().asMap();
    }

    /** The installed team values as one layer, then every layer and {@code --set} of the target: the target wins. */
    static ChartValues onTopOf(ChartValues installed, ChartValues target) {
        List<ValuesLayer> layers = new ArrayList<>(ChartValues.builder()
                .values("the installed values", installed.effective().asMap()).build().layers());
        layers.addAll(target.layers());
        return new ChartValues(layers, target.sets(), target.stringSets());
    }

    @Override
    public void upgrade(VaultEnvironment env, UpgradeTarget target) {
        ChartSource chart = target.chart().orElse(env.spec().chart());
        Path chartPath = cache.localPath(chart);
        Map<String, Object> values = valuesFor(env, target);
        Path file = null;
        try {
            file = OwnerOnlyFiles.createTempFile("vault-test-upgrade-values-", ".json");
            Files.writeString(file, JSON.writeValueAsString(values), StandardCharsets.UTF_8);
            Release release = new Helm(chartPath).upgrade()
                    .withName(env.releaseName())
                    .withNamespace(env.namespace())
                    .withKubeConfigContents(env.cluster().kubeconfigYaml())
                    .resetValues()
                    .withValuesFile(file)
                    .withTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, env.spec().timeouts().install()
                            .toSeconds())))
                    .call();
            LOG.debug("Upgraded release {} in {} to {} (revision {}, status {})", env.releaseName(), env.namespace(),
                    target.describe(), release.getRevision(), release.getStatus());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the values file for helm upgrade", e);
        } catch (IllegalStateException e) {
            throw new VaultTestException("helm upgrade of release " + env.releaseName() + " in " + env.namespace()
                    + " to " + target.describe() + " failed: " + Redactor.redact(String.valueOf(e.getMessage()).strip())
                    + ". A change to the StatefulSet's volumeClaimTemplates is refused by Kubernetes; anything else"
                    + " the chart renders the same way in the static checks.", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warn("Could not delete the temporary values file {}: {}", file, e.getMessage());
                }
            }
        }
    }
}
