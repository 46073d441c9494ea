package dev.vaulttest.chaos;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.Release;
import com.marcnuri.helm.UpgradeCommand;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.chaos.ChartUpgrade.UpgradeTarget;
import dev.vaulttest.chart.ChartCache;
import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.chart.ChartValues.ValuesLayer;
import dev.vaulttest.chart.HelmException;
import dev.vaulttest.internal.Redactor;
import dev.vaulttest.internal.helm.HelmValues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code helm upgrade --reset-values} with helm-java and the values the install would give Helm for the upgraded
 * team values: the installed team values with the target's values on top (what {@code --reset-then-reuse-values}
 * does with them), then the spec's mode layer and the install's cluster fit
 * ({@link VaultEnvironment#valuesForUpgrade}). So the target chart's defaults come under exactly those values, and
 * a values file that restates {@code server.affinity}, {@code injector.enabled} or the seal stanza cannot undo the
 * fit-ups or the KMS wiring. The values go to Helm the way the install's do, as an owner-only file written by
 * {@link HelmValues} (which escapes what YAML would fold) and deleted after the call. No {@code --wait}: with OnDelete nothing restarts anyway.
 */
final class HelmUpgrader implements ReleaseUpgrader {

    private static final Logger LOG = LoggerFactory.getLogger(HelmUpgrader.class);

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
        return HelmValues.merge(env.valuesForUpgrade(team)).asMap();
    }

    /** The installed team values as one layer, then every layer and {@code --set} of the target: the target wins. */
    static ChartValues onTopOf(ChartValues installed, ChartValues target) {
        List<ValuesLayer> layers = new ArrayList<>(ChartValues.builder()
                .values("the installed values", HelmValues.merge(installed).asMap()).build().layers());
        layers.addAll(target.layers());
        return new ChartValues(layers, target.sets(), target.stringSets());
    }

    @Override
    public void upgrade(VaultEnvironment env, UpgradeTarget target) {
        ChartSource chart = target.chart().orElse(env.spec().chart());
        Path chartPath = cache.localPath(chart);
        ChartValues values = ChartValues.builder().values("the upgrade's values", valuesFor(env, target)).build();
        try (HelmValues forHelm = HelmValues.of(values)) {
            UpgradeCommand upgrade = new Helm(chartPath).upgrade()
                    .withName(env.releaseName())
                    .withNamespace(env.namespace())
                    .withKubeConfigContents(env.cluster().kubeconfigYaml())
                    .resetValues()
                    .withTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, env.spec().timeouts().install()
                            .toSeconds())));
            forHelm.applyTo(upgrade::withValuesFile, upgrade::set, upgrade::setFile);
            Release release = upgrade.call();
            LOG.debug("Upgraded release {} in {} to {} (revision {}, status {})", env.releaseName(), env.namespace(),
                    target.describe(), release.getRevision(), release.getStatus());
        } catch (IllegalStateException e) {
            throw new HelmException("helm upgrade of release " + env.releaseName() + " in " + env.namespace()
                    + " to " + target.describe() + " failed: " + Redactor.redact(String.valueOf(e.getMessage()).strip())
                    + ". A change to the StatefulSet's volumeClaimTemplates is refused by Kubernetes; anything else"
                    + " the chart renders the same way in the static checks.", e);
        }
    }
}
