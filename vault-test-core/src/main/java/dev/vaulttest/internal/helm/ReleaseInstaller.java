package dev.vaulttest.internal.helm;

import dev.vaulttest.chart.HelmException;

/**
 * Installs a rendered chart as a release. The standard implementation is {@link HelmReleases} (helm-java
 * against the cluster's kubeconfig); tests of the library substitute one that applies the rendered
 * manifests to a mock API server. Installers never wait for readiness: the Vault chart's StatefulSet is
 * OnDelete and its readiness probe is {@code vault status}, so the library does its own waiting.
 */
@FunctionalInterface
public interface ReleaseInstaller {

    /**
     * Installs the release, like {@code helm install} without {@code --wait}.
     *
     * @param request the rendered chart, its local path and the cluster
     * @return the installed release; close it to uninstall
     * @throws HelmException when the install fails, with Helm's message
     */
    InstalledRelease install(ReleaseRequest request);
}
