package dev.vaulttest.samples.support;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.UpgradeCommand;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultTestException;
import dev.vaulttest.chaos.ReleaseUpgrader;
import dev.vaulttest.chaos.UpgradeTarget;
import dev.vaulttest.chart.ChartCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Runs {@code helm upgrade --reset-then-reuse-values} for the chaos chart upgrades: the release keeps the values it
 * was installed with (the team's values and the library's k3s fit-ups), the target chart's defaults replace the old
 * chart's, and the target's values are applied on top.
 *
 * <p>The library's {@code ChaosOptions} refuse chart upgrades until an upgrader is given, and core does not ship one
 * that reuses the environment's own install; this class fills that gap for the samples with helm-java, the same Helm
 * the library installs with.
 */
public final class ReuseValuesUpgrader implements ReleaseUpgrader {

    private final ChartCache charts;

    /**
     * Creates the upgrader.
     *
     * @param charts where repository charts are found or downloaded to
     */
    public ReuseValuesUpgrader(ChartCache charts) {
        this.charts = Objects.requireNonNull(charts, "charts");
    }

    @Override
    public void upgrade(VaultEnvironment env, UpgradeTarget target) {
        Path chart = charts.localPath(target.chart().orElse(env.spec().chart()));
        UpgradeCommand upgrade = new Helm(chart).upgrade()
                .withName(env.releaseName())
                .withNamespace(env.namespace())
                .withKubeConfigContents(env.cluster().kubeconfigYaml())
                .resetThenReuseValues()
                .withTimeout((int) env.spec().timeouts().install().toSeconds());
        Path values = null;
        try {
            if (target.values().isPresent()) {
                values = Files.createTempFile("vault-test-upgrade-values-", ".yaml");
                Files.writeString(values, target.values().get().effective().toYaml());
                upgrade.withValuesFile(values);
            }
            upgrade.call();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the upgrade values for release " + env.releaseName(), e);
        } catch (IllegalStateException e) {
            throw new VaultTestException("helm upgrade of release " + env.namespace() + "/" + env.releaseName()
                    + " to " + target.describe() + " failed: " + e.getMessage()
                    + ". Check that the target chart renders with the release's values (the static checks render it"
                    + " the same way).", e);
        } finally {
            deleteQuietly(values);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
