package dev.vaulttest.chaos;

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
