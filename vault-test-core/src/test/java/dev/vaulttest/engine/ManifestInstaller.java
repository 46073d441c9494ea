package dev.vaulttest.engine;

import dev.vaulttest.chart.ReleaseRevision;
import dev.vaulttest.fixture.PodDriver;
import dev.vaulttest.internal.helm.InstalledRelease;
import dev.vaulttest.internal.helm.ReleaseInstaller;
import dev.vaulttest.internal.helm.ReleaseRequest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link ReleaseInstaller} for fabric8's mock server: creates the rendered objects (the mock has no
 * server-side apply) and lets a {@link PodDriver} create the StatefulSet's pods, as Helm plus the cluster's
 * controllers would. Uninstalling deletes the objects it created.
 */
final class ManifestInstaller implements ReleaseInstaller {

    private final PodDriver pods;
    private final List<ManifestRelease> releases = new ArrayList<>();

    ManifestInstaller(PodDriver pods) {
        this.pods = pods;
    }

    @Override
    public InstalledRelease install(ReleaseRequest request) {
        ManifestRelease release = new ManifestRelease(request);
        synchronized (releases) {
            releases.add(release);
        }
        return release;
    }

    List<ManifestRelease> releases() {
        synchronized (releases) {
            return List.copyOf(releases);
        }
    }

    /** One release in the mock; records its revisions. */
    final class ManifestRelease implements InstalledRelease {

        private final String name;
        private final String namespace;
        private final KubernetesClient client;
        private final List<ReleaseRevision> history = new ArrayList<>();
        private List<HasMetadata> applied = List.of();
        private boolean uninstalled;

        ManifestRelease(ReleaseRequest request) {
            this.name = request.releaseName();
            this.namespace = request.namespace();
            this.client = request.cluster().client();
            apply(request);
            history.add(revision(1, "deployed", request, "Install complete"));
        }

        private void apply(ReleaseRequest request) {
            List<HasMetadata> objects = new ArrayList<>();
            for (HasMetadata object : request.rendered().manifests().objects()) {
                if (object.getMetadata().getNamespace() == null && namespaced(object)) {
                    object.getMetadata().setNamespace(namespace);
                }
                client.resource(object).create();
                objects.add(object);
            }
            applied = objects;
            objects.stream().filter(StatefulSet.class::isInstance).map(StatefulSet.class::cast)
                    .forEach(pods::createPods);
        }

        private static boolean namespaced(HasMetadata object) {
            return !List.of("ClusterRole", "ClusterRoleBinding", "StorageClass", "MutatingWebhookConfiguration",
                    "Namespace", "PersistentVolume").contains(object.getKind());
        }

        private ReleaseRevision revision(int number, String status, ReleaseRequest request, String description) {
            return new ReleaseRevision(number, Optional.of(Instant.now()), status,
                    request.rendered().request().chart().describe(), "", description);
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
        public synchronized List<ReleaseRevision> history() {
            return List.copyOf(history);
        }

        synchronized boolean uninstalled() {
            return uninstalled;
        }

        @Override
        public synchronized void close() {
            if (uninstalled) {
                return;
            }
            uninstalled = true;
            for (HasMetadata object : applied) {
                try {
                    client.resource(object).delete();
                } catch (RuntimeException e) {
                    // Already gone with its namespace.
                }
            }
        }
    }
}
