package dev.vaulttest.chaos;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.base.WaitTimeoutException;
import dev.vaulttest.internal.Wait;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.List;
import java.util.Optional;

/**
 * A Vault node's data claim deleted, then its pod: the {@code kubernetes.io/pvc-protection} finalizer keeps the
 * claim while the pod uses it, so the pod must go too. The StatefulSet then brings the pod back with a new, empty
 * claim, and Vault starts uninitialised. The handle reports what happened to the PersistentVolume: deleted
 * ({@code Delete}) or left {@code Released} with its data ({@code Retain}). Nothing can be healed.
 */
public final class PvcDeletion extends AbstractDisruption {

    private static final String DATA_VOLUME = "data";

    private final String node;
    private final Grace grace;
    private String claimName;
    private String claimUid;
    private Optional<String> volumeName = Optional.empty();
    private Optional<String> reclaimPolicy = Optional.empty();
    private VolumeFate fate = VolumeFate.UNSETTLED;
    private String fateDetail = "";

    private PvcDeletion(VaultEnvironment env, ChaosOptions options, String node, Grace grace) {
        super(env, options, "delete-pvc", "pvc/" + node);
        this.node = node;
        this.grace = grace;
    }

    static PvcDeletion apply(VaultEnvironment env, ChaosOptions options, String node, Grace grace) {
        PvcDeletion deletion = new PvcDeletion(env, options, node, grace);
        deletion.run();
        return deletion;
    }

    private void run() {
        ReleaseObjects release = new ReleaseObjects(env);
        env.node(node);
        Pod pod = release.pod(node).orElseThrow(() -> new ChaosPreconditionException("Cannot delete the data claim"
                + " of " + node + ": the pod does not exist in " + release.namespace() + "."));
        String podUid = pod.getMetadata().getUid();
        claimName = dataClaimName(pod);
        PersistentVolumeClaim claim = claim(release).orElseThrow(() -> new ChaosPreconditionException("Pod " + node
                + " has no claim " + claimName + " in " + release.namespace() + ". Does the deployment use"
                + " persistent storage (server.dataStorage.enabled)?"));
        claimUid = claim.getMetadata().getUid();
        volumeName = Optional.ofNullable(claim.getSpec()).map(s -> s.getVolumeName()).filter(v -> !v.isBlank());
        reclaimPolicy = volumeName.flatMap(name -> volume(release, name))
                .map(pv -> pv.getSpec() == null ? null : pv.getSpec().getPersistentVolumeReclaimPolicy());

        markApplied(now());
        release.client().persistentVolumeClaims().inNamespace(release.namespace()).withName(claimName).delete();
        new PodDeleter(release).delete(node, grace);

        verifyWithin("claim " + claimName + " (UID " + claimUid + ") gone and pod " + node + " (UID " + podUid
                        + ") gone", options.faultTimeout(),
                () -> new State(claim(release), release.podUid(node)),
                state -> state.claimGone(claimUid) && state.podGone(podUid), State::describe,
                "The pvc-protection finalizer holds a claim while any pod uses it: is another pod mounting "
                        + claimName + "?");
        observeVolume(release);
    }

    private Optional<PersistentVolumeClaim> claim(ReleaseObjects release) {
        return Optional.ofNullable(release.client().persistentVolumeClaims().inNamespace(release.namespace())
                .withName(claimName).get());
    }

    private static Optional<PersistentVolume> volume(ReleaseObjects release, String name) {
        return Optional.ofNullable(release.client().persistentVolumes().withName(name).get());
    }

    private void observeVolume(ReleaseObjects release) {
        if (volumeName.isEmpty()) {
            fate = VolumeFate.NO_VOLUME;
            fateDetail = "claim " + claimName + " was not bound to a volume";
            return;
        }
        String name = volumeName.get();
        try {
            Optional<PersistentVolume> settled = Wait.until("volume " + name + " of deleted claim " + claimName
                            + " to be deleted or released", options.faultTimeout(), options.pollInterval(),
                    () -> volume(release, name), pv -> pv.isEmpty() || settledPhase(pv.get()),
                    pv -> pv.map(v -> "volume " + name + " phase " + phase(v)).orElse("volume " + name + " gone"));
            if (settled.isEmpty()) {
                fate = VolumeFate.DELETED;
                fateDetail = "volume " + name + " (reclaimPolicy " + reclaimPolicy.orElse("?") + ") was deleted";
            } else {
                String phase = phase(settled.get());
                fate = "Failed".equals(phase) ? VolumeFate.FAILED : VolumeFate.RELEASED_AND_RETAINED;
                fateDetail = "volume " + name + " (reclaimPolicy " + reclaimPolicy.orElse("?") + ") is " + phase;
            }
        } catch (WaitTimeoutException e) {
            fate = VolumeFate.UNSETTLED;
            fateDetail = e.lastObserved() + " after " + e.elapsed().toSeconds() + " s (reclaimPolicy "
                    + reclaimPolicy.orElse("?") + ")";
        }
    }

    private boolean settledPhase(PersistentVolume pv) {
        String phase = phase(pv);
        if ("Failed".equals(phase)) {
            return true;
        }
        // With Delete the volume passes through Released on its way out; only Retain stops there.
        return "Released".equals(phase) && !"Delete".equals(reclaimPolicy.orElse(""));
    }

    private static String phase(PersistentVolume pv) {
        return pv.getStatus() == null || pv.getStatus().getPhase() == null ? "unknown" : pv.getStatus().getPhase();
    }

    /** The claim behind the pod's {@code data} volume, else {@code data-<pod>} (the chart's claim template). */
    private String dataClaimName(Pod pod) {
        List<Volume> volumes = pod.getSpec() == null || pod.getSpec().getVolumes() == null ? List.of()
                : pod.getSpec().getVolumes();
        return volumes.stream().filter(v -> v.getPersistentVolumeClaim() != null)
                .filter(v -> DATA_VOLUME.equals(v.getName()))
                .map(v -> v.getPersistentVolumeClaim().getClaimName()).findFirst()
                .orElse(DATA_VOLUME + "-" + node);
    }

    /**
     * The node whose claim was deleted.
     *
     * @return the pod name
     */
    public String node() {
        return node;
    }

    /**
     * The deleted claim.
     *
     * @return the claim name, for example {@code data-vault-1}
     */
    public String claimName() {
        return claimName;
    }

    /**
     * The deleted claim's UID (the recreated claim has another).
     *
     * @return the UID
     */
    public String claimUid() {
        return claimUid;
    }

    /**
     * The PersistentVolume the claim was bound to.
     *
     * @return the volume name; empty when the claim was not bound
     */
    public Optional<String> volumeName() {
        return volumeName;
    }

    /**
     * The volume's reclaim policy before the deletion.
     *
     * @return {@code Delete} or {@code Retain}; empty when unknown
     */
    public Optional<String> reclaimPolicy() {
        return reclaimPolicy;
    }

    /**
     * What happened to the volume.
     *
     * @return the fate
     */
    public VolumeFate volumeFate() {
        return fate;
    }

    /**
     * The volume's fate in words, for example {@code volume pvc-123 (reclaimPolicy Retain) is Released}.
     *
     * @return the detail
     */
    public String volumeFateDetail() {
        return fateDetail;
    }

    private record State(Optional<PersistentVolumeClaim> claim, Optional<String> podUid) {

        boolean claimGone(String oldUid) {
            return claim.map(c -> !oldUid.equals(c.getMetadata().getUid())).orElse(true);
        }

        boolean podGone(String oldUid) {
            return podUid.map(uid -> !uid.equals(oldUid)).orElse(true);
        }

        String describe() {
            String claimState = claim.map(c -> c.getMetadata().getDeletionTimestamp() != null
                    ? "claim Terminating (finalizers " + c.getMetadata().getFinalizers() + ")"
                    : "claim present (UID " + c.getMetadata().getUid() + ")").orElse("claim gone");
            return claimState + ", pod " + podUid.map(uid -> "UID " + uid).orElse("gone");
        }
    }

    /** What happened to the PersistentVolume behind a deleted claim. */
    public enum VolumeFate {
        /** The volume was deleted with the claim ({@code reclaimPolicy: Delete}): its data is gone. */
        DELETED,
        /** The volume stays {@code Released} with its data ({@code reclaimPolicy: Retain}); it is not reused. */
        RELEASED_AND_RETAINED,
        /** The volume's reclamation failed ({@code Failed} phase). */
        FAILED,
        /** The claim was never bound to a volume (for example {@code WaitForFirstConsumer} before any pod). */
        NO_VOLUME,
        /** Within the fault timeout the volume reached none of the states above; see the detail. */
        UNSETTLED
    }
}
