package dev.vaulttest.chart;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.Release;
import dev.vaulttest.internal.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs releases with helm-java, against the cluster's kubeconfig, from the exact effective values of the
 * render (written to a temporary values file, every string quoted, deleted after the call). No {@code --wait}:
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
        Release release = withValuesFile(request, "install", values -> new Helm(request.chartPath()).install()
                .withName(request.releaseName())
                .withNamespace(request.namespace())
                .withKubeConfigContents(request.cluster().kubeconfigYaml())
                .withValuesFile(values)
                .withTimeout(timeoutSeconds(request))
                .call());
        LOG.debug("Installed release {} in namespace {} from chart {} (revision {}, status {}) in {} ms",
                request.releaseName(), request.namespace(), request.chartDescription(), release.getRevision(),
                release.getStatus(), (System.nanoTime() - start) / 1_000_000);
        return new HelmRelease(request.releaseName(), request.namespace(), request.cluster());
    }

    /** Runs {@code helm upgrade} for an installed release; shared with {@link HelmRelease#upgrade}. */
    static void upgrade(ReleaseRequest request) {
        Release release = withValuesFile(request, "upgrade", values -> new Helm(request.chartPath()).upgrade()
                .withName(request.releaseName())
                .withNamespace(request.namespace())
                .withKubeConfigContents(request.cluster().kubeconfigYaml())
                .withValuesFile(values)
                .withTimeout(timeoutSeconds(request))
                .call());
        LOG.debug("Upgraded release {} in namespace {} to chart {} (revision {}, status {})", request.releaseName(),
                request.namespace(), request.chartDescription(), release.getRevision(), release.getStatus());
    }

    private static int timeoutSeconds(ReleaseRequest request) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, request.timeout().toSeconds()));
    }

    private static <T> T withValuesFile(ReleaseRequest request, String operation, Function<Path, T> helmCall) {
        Path values = null;
        try {
            values = Files.createTempFile("vault-test-release-values-", ".yaml");
            request.rendered().values().writeForHelm(values);
            return helmCall.apply(values);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the values file for helm " + operation, e);
        } catch (IllegalStateException e) {
            throw new ReleaseException("helm " + operation + " of release " + request.releaseName() + " (chart "
                    + request.chartDescription() + ") in namespace " + request.namespace() + " failed: "
                    + Redactor.redact(String.valueOf(e.getMessage()).strip()) + ". Check that the kubeconfig's user"
                    + " may create the chart's objects (including its cluster-scoped RBAC) and that the values"
                    + " render (the static checks render them the same way).", e);
        } finally {
            if (values != null) {
                try {
                    Files.deleteIfExists(values);
                } catch (IOException e) {
                    LOG.warn("Could not delete the temporary values file {}: {}", values, e.getMessage());
                }
            }
        }
    }
}
