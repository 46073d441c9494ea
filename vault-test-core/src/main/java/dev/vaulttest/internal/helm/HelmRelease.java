package dev.vaulttest.internal.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.ReleaseHistory;
import dev.vaulttest.chart.HelmException;
import dev.vaulttest.chart.ReleaseRevision;
import dev.vaulttest.cluster.KubernetesCluster;
import dev.vaulttest.internal.Redactor;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A release installed with helm-java; closing it runs {@code helm uninstall} once. */
final class HelmRelease implements InstalledRelease {

    private static final Logger LOG = LoggerFactory.getLogger(HelmRelease.class);

    private final String name;
    private final String namespace;
    private final KubernetesCluster cluster;
    private boolean uninstalled;

    HelmRelease(String name, String namespace, KubernetesCluster cluster) {
        this.name = Objects.requireNonNull(name, "name");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public List<ReleaseRevision> history() {
        try {
            List<ReleaseHistory> history = Helm.history(name).withNamespace(namespace)
                    .withKubeConfigContents(cluster.kubeconfigYaml()).call();
            return history.stream().map(HelmRelease::revision).toList();
        } catch (IllegalStateException e) {
            throw new HelmException("helm history of release " + namespace + "/" + name + " failed: "
                    + Redactor.redact(String.valueOf(e.getMessage()).strip()), e);
        }
    }

    private static ReleaseRevision revision(ReleaseHistory entry) {
        return new ReleaseRevision(entry.getRevision(),
                Optional.ofNullable(entry.getUpdated()).map(java.time.ZonedDateTime::toInstant),
                text(entry.getStatus()), text(entry.getChart()), text(entry.getAppVersion()),
                text(entry.getDescription()));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    @Override
    public synchronized void close() {
        if (uninstalled) {
            return;
        }
        uninstalled = true;
        try {
            String output = Helm.uninstall(name).withNamespace(namespace).ignoreNotFound()
                    .withKubeConfigContents(cluster.kubeconfigYaml()).call();
            LOG.debug("Uninstalled release {}/{}: {}", namespace, name, output == null ? "" : output.strip());
        } catch (RuntimeException e) {
            LOG.warn("Could not uninstall release {}/{}: {}", namespace, name,
                    Redactor.redact(String.valueOf(e.getMessage())));
        }
    }

    @Override
    public String toString() {
        return "HelmRelease[" + namespace + "/" + name + (uninstalled ? ", uninstalled" : "") + "]";
    }
}
