package dev.vaulttest.chart;

/**
 * The reclaim policy of StorageClasses the library creates on k3s. {@link #RETAIN} is the default: a deleted
 * PVC leaves its volume and data behind, as a production class should, so PVC-deletion tests show what the
 * team's runbook has to recover.
 */
public enum StorageReclaimPolicy {
    /** Keep the volume and its data when the claim is deleted. */
    RETAIN("Retain"),
    /** Delete the volume and its data with the claim (local-path's own default). */
    DELETE("Delete");

    private final String kubernetesName;

    StorageReclaimPolicy(String kubernetesName) {
        this.kubernetesName = kubernetesName;
    }

    /**
     * The value of {@code reclaimPolicy} in a StorageClass.
     *
     * @return {@code Retain} or {@code Delete}
     */
    public String kubernetesName() {
        return kubernetesName;
    }
}
