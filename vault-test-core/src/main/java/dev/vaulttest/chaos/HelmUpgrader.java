package dev.vaulttest.chaos;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.Release;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultTestException;
import dev.vaulttest.chart.ChartCache;
import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.internal.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code helm upgrade --reset-then-reuse-values} with helm-java: the target chart's own defaults, then every value
 * the release was installed with (the team's and the library's k3s additions), then the target's values on top.
 * Plain {@code --reuse-values} would keep the old chart's defaults (its image tag among them), which is not what
 * upgrading a chart version means. The target's values go to Helm as a JSON file (JSON is YAML, every string
 * quoted), deleted after the call. No {@code --wait}: with OnDelete nothing restarts anyway.
 */
final class HelmUpgrader implements ReleaseUpgrader {

    private static final Logger LOG = LoggerFactory.getLogger(HelmUpgrader.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChartCache cache;

    HelmUpgrader(ChartCache cache) {
        this.cache = cache;
    }

    @Override
    public void upgrade(VaultEnvironment env, UpgradeTarget target) {
        ChartSource chart = target.chart().orElse(env.spec().chart());
        Path chartPath = cache.localPath(chart);
        Map<String, Object> values = target.values().map(v -> v.effective().asMap()).orElse(Map.of());
        Path file = null;
        try {
            file = OwnerOnlyFiles.createTempFile("vault-test-upgrade-values-", ".json");
            Files.writeString(file, JSON.writeValueAsString(values), StandardCharsets.UTF_8);
            Release release = new Helm(chartPath).upgrade()
                    .withName(env.releaseName())
                    .withNamespace(env.namespace())
                    .withKubeConfigContents(env.cluster().kubeconfigYaml())
                    .resetThenReuseValues()
                    .withValuesFile(file)
                    .withTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, env.spec().timeouts().install()
                            .toSeconds())))
                    .call();
            LOG.info("Upgraded release {} in {} to {} (revision {}, status {})", env.releaseName(), env.namespace(),
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
