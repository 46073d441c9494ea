package dev.vaulttest.check;

import dev.vaulttest.check.Finding.Severity;
import dev.vaulttest.internal.rendered.RenderedDeployment;
import dev.vaulttest.internal.rendered.VaultServer;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Rule#RECLAIM_POLICY_DELETE}: the StorageClass of the data volume has {@code reclaimPolicy: Delete} (the
 * Kubernetes default when unset). StorageClasses come from {@link CheckOptions}; when the class is not among
 * them, an {@link Severity#INFO} finding says so instead of guessing.
 */
final class ReclaimPolicyCheck implements RuleCheck {

    static final String DEFAULT_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";
    static final String BETA_DEFAULT_CLASS_ANNOTATION = "storageclass.beta.kubernetes.io/is-default-class";
    private static final String DELETE = "Delete";

    @Override
    public List<Finding> check(RenderedDeployment deployment, CheckOptions options) {
        List<Finding> findings = new ArrayList<>();
        for (VaultServer server : deployment.servers()) {
            DataStorage.of(server).ifPresent(data -> claimOf(server, data, deployment)
                    .ifPresent(claim -> evaluate(server, data, claim, options).ifPresent(findings::add)));
        }
        return findings;
    }

    /** The claim (template, or rendered named claim) that holds the data, with a description. */
    private static Optional<Claim> claimOf(VaultServer server, DataStorage data, RenderedDeployment deployment) {
        if (data.claimTemplate().isPresent()) {
            PersistentVolumeClaim t = data.claimTemplate().get();
            return Optional.of(new Claim("volumeClaimTemplate '" + t.getMetadata().getName() + "'", t));
        }
        Optional<Volume> volume = data.volume().filter(v -> v.getPersistentVolumeClaim() != null);
        if (volume.isEmpty()) {
            return Optional.empty();
        }
        String claimName = volume.get().getPersistentVolumeClaim().getClaimName();
        return deployment.manifests().named(PersistentVolumeClaim.class, claimName)
                .map(pvc -> new Claim("PersistentVolumeClaim '" + claimName + "'", pvc));
    }

    private record Claim(String description, PersistentVolumeClaim claim) {
        Optional<String> storageClassName() {
            return claim.getSpec() == null ? Optional.empty() : Optional.ofNullable(claim.getSpec().getStorageClassName());
        }
    }

    private static Optional<Finding> evaluate(VaultServer server, DataStorage data, Claim claim,
            CheckOptions options) {
        String subject = "The data volume of " + server.resource() + " (" + claim.description() + ", "
                + data.type() + " storage at " + data.path() + ")";
        Optional<String> requested = claim.storageClassName();
        if (requested.isPresent() && requested.get().isEmpty()) {
            return Optional.of(unknown(server, subject + " asks for storageClassName \"\" and binds to a"
                    + " pre-provisioned PersistentVolume, whose reclaim policy is not visible here."));
        }
        Optional<StorageClass> storageClass;
        String classDescription;
        if (requested.isPresent()) {
            storageClass = options.storageClasses().stream()
                    .filter(sc -> requested.get().equals(sc.getMetadata().getName())).findFirst();
            classDescription = "StorageClass '" + requested.get() + "'";
            if (storageClass.isEmpty()) {
                return Optional.of(unknown(server, subject + " uses " + classDescription + ", which is not among the StorageClasses given ("
                        + given(options) + "), so its reclaim policy is unknown."));
            }
        } else {
            storageClass = options.storageClasses().stream().filter(ReclaimPolicyCheck::isDefault).findFirst();
            if (storageClass.isEmpty()) {
                return Optional.of(unknown(server, subject + " uses the cluster's default StorageClass, and none of the StorageClasses given ("
                        + given(options) + ") is annotated " + DEFAULT_CLASS_ANNOTATION
                        + "=\"true\", so its reclaim policy is unknown."));
            }
            classDescription = "the default StorageClass '" + storageClass.get().getMetadata().getName() + "'";
        }
        String policy = Optional.ofNullable(storageClass.get().getReclaimPolicy()).orElse(DELETE);
        if (!DELETE.equals(policy)) {
            return Optional.empty();
        }
        String implicit = storageClass.get().getReclaimPolicy() == null ? " (unset, which means Delete)" : "";
        return Optional.of(Rule.RECLAIM_POLICY_DELETE.finding(server.resource(), subject + " uses "
                + classDescription + " with reclaimPolicy Delete" + implicit
                + ": deleting the claim (helm uninstall with a Delete retention policy, kubectl delete pvc, a"
                + " namespace deletion) deletes Vault's data for good." + retention(server),
                "Use a StorageClass with reclaimPolicy: Retain for the data volume (server.dataStorage.storageClass),"
                        + " or set the bound PersistentVolumes to Retain."));
    }

    private static String retention(VaultServer server) {
        StatefulSetPersistentVolumeClaimRetentionPolicy retention =
                server.statefulSet().getSpec().getPersistentVolumeClaimRetentionPolicy();
        if (retention == null) {
            return "";
        }
        List<String> when = new ArrayList<>();
        if (DELETE.equals(retention.getWhenDeleted())) {
            when.add("the StatefulSet is deleted");
        }
        if (DELETE.equals(retention.getWhenScaled())) {
            when.add("it is scaled down");
        }
        return when.isEmpty() ? "" : " The StatefulSet's persistentVolumeClaimRetentionPolicy also deletes the claims"
                + " when " + String.join(" or when ", when) + " (server.persistentVolumeClaimRetentionPolicy).";
    }

    private static String given(CheckOptions options) {
        return options.storageClasses().isEmpty() ? "none"
                : String.join(", ", options.storageClasses().stream().map(sc -> sc.getMetadata().getName()).toList());
    }

    private static Finding unknown(VaultServer server, String message) {
        return Rule.RECLAIM_POLICY_DELETE.finding(Severity.INFO, server.resource(), message,
                "Pass the cluster's StorageClasses (--storage-classes, or CheckOptions.builder().storageClasses(...))"
                        + " so the reclaim policy can be checked.");
    }

    static boolean isDefault(StorageClass storageClass) {
        Map<String, String> annotations = storageClass.getMetadata().getAnnotations();
        if (annotations == null) {
            return false;
        }
        return "true".equals(annotations.get(DEFAULT_CLASS_ANNOTATION))
                || "true".equals(annotations.get(BETA_DEFAULT_CLASS_ANNOTATION));
    }
}
