package dev.vaulttest.internal.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.Release;
import dev.vaulttest.chart.HelmException;
import dev.vaulttest.internal.Redactor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs releases with helm-java, against the cluster's kubeconfig, with the values of the render: the same
 * values files, layers and {@code --set} expressions, handed to Helm as for the render. No {@code --wait}:
 * Helm considers an OnDelete StatefulSet ready at once, so the library waits for Vault itself.
 */
public final class HelmReleases implements ReleaseInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(HelmReleases.class);

    /** Creates the installer; it holds no state. */
    public HelmReleases() {
    }

    @Override
    public InstalledRelease install(ReleaseRequest request) {
        long start = System.nanoTime();
        Release release = withValues(request, "install", values -> {
            InstallCommand install = new Helm(request.chartPath()).install()
                    .withName(request.releaseName())
                    .withNamespace(request.namespace())
                    .withKubeConfigContents(request.cluster().kubeconfigYaml())
                    .withTimeout(timeoutSeconds(request));
            values.applyTo(install::withValuesFile, install::set, install::setFile);
            return install.call();
        });
        LOG.debug("Installed release {} in namespace {} from chart {} (revision {}, status {}) in {} ms",
                request.releaseName(), request.namespace(), request.chartDescription(), release.getRevision(),
                release.getStatus(), (System.nanoTime() - start) / 1_000_000);
        return new HelmRelease(request.releaseName(), request.namespace(), request.cluster());
    }

    private static int timeoutSeconds(ReleaseRequest request) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, request.timeout().toSeconds()));
    }

    private static <T> T withValues(ReleaseRequest request, String operation, Function<HelmValues, T> helmCall) {
        try (HelmValues values = HelmValues.of(request.rendered().request().values())) {
            return helmCall.apply(values);
        } catch (IllegalStateException e) {
            throw new HelmException("helm " + operation + " of release " + request.releaseName() + " (chart "
                    + request.chartDescription() + ") in namespace " + request.namespace() + " failed: "
                    + Redactor.redact(String.valueOf(e.getMessage()).strip()) + ". Check that the kubeconfig's user"
                    + " may create the chart's objects (including its cluster-scoped RBAC) and that the values"
                    + " render (the static checks render them the same way).", e);
        }
    }
}
