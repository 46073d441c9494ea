package dev.vaulttest.engine;

import dev.vaulttest.engine.VaultValuesView.Storage;
import dev.vaulttest.internal.Labels;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import java.util.Set;

/**
 * Makes the StorageClasses the values name exist: where the cluster's storage is the local-path provisioner (k3s,
 * or an existing cluster whose every StorageClass uses it) a missing class is created, backed by that provisioner
 * with the spec's reclaim policy; elsewhere a missing class is an error. Access modes local-path cannot provide are
 * errors too.
 */
final class StorageFit {

    static final String LOCAL_PATH_PROVISIONER = "rancher.io/local-path";
    private static final Set<String> SINGLE_NODE_MODES = Set.of("ReadWriteOnce", "ReadWriteOncePod");

    private StorageFit() {
    }

    static void apply(VaultValuesView view, ClusterFit.Context in, OverlayBuilder out) {
        for (Storage storage : new Storage[] {view.dataStorage(), view.auditStorage()}) {
            if (storage.used()) {
                fit(storage, in, out);
            }
        }
    }

    private static void fit(Storage storage, ClusterFit.Context in, OverlayBuilder out) {
        boolean localPath = in.facts().localPathProvisioning();
        if (localPath && !SINGLE_NODE_MODES.contains(storage.accessMode())) {
            out.problem(storage.path("accessMode"), "access mode " + storage.accessMode() + " is not available: the"
                            + " local-path provisioner only provides ReadWriteOnce volumes.",
                    "Override " + storage.path("accessMode") + " with ReadWriteOnce in a test values layer (each"
                            + " Vault replica needs its own volume anyway).");
            return;
        }
        if (storage.storageClass().isEmpty()) {
            if (in.facts().defaultStorageClass().isEmpty()) {
                out.problem(storage.path("storageClass"), "no StorageClass is named and " + in.clusterDescription()
                                + " has no default StorageClass, so the claim would stay Pending.",
                        "Name an existing StorageClass in " + storage.path("storageClass") + ".");
            }
            return;
        }
        String name = storage.storageClass().get();
        if (in.facts().storageClasses().contains(name) || out.createsObject("StorageClass", name)) {
            return;
        }
        if (!localPath) {
            out.problem(storage.path("storageClass"), "StorageClass '" + name + "' does not exist in "
                            + in.clusterDescription() + " (it has " + in.facts().storageClasses() + ").",
                    "Create it in the cluster, or override " + storage.path("storageClass") + " in a test values layer.");
            return;
        }
        out.object(new StorageClassBuilder().withNewMetadata().withName(name)
                .addToLabels(Labels.forEnvironment(in.environment().value()))
                .addToAnnotations("vault-test.dev/reason", "named by " + storage.path("storageClass"))
                .endMetadata()
                .withProvisioner(LOCAL_PATH_PROVISIONER)
                .withReclaimPolicy(in.reclaimPolicy().kubernetesName())
                .withVolumeBindingMode("WaitForFirstConsumer")
                .build());
        out.note(storage.path("storageClass"), "created StorageClass '" + name + "' backed by " + LOCAL_PATH_PROVISIONER
                + " with reclaimPolicy " + in.reclaimPolicy().kubernetesName() + ", because the cluster has no class of"
                + " that name");
    }
}
