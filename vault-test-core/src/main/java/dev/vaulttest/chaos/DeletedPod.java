package dev.vaulttest.chaos;

import dev.vaulttest.NodeRole;
import java.util.Objects;
import java.util.Optional;

/**
 * One pod that a disruption deleted.
 *
 * @param name the pod name
 * @param roleBefore the node's role just before the deletion
 * @param oldUid the deleted pod's UID
 * @param newUid the UID of the pod that replaced it, if one existed when the old one was seen gone
 */
public record DeletedPod(String name, NodeRole roleBefore, String oldUid, Optional<String> newUid) {

    /**
     * Validates the components.
     *
     * @param name the pod name
     * @param roleBefore the role before
     * @param oldUid the old UID
     * @param newUid the new UID, if seen
     */
    public DeletedPod {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(roleBefore, "roleBefore");
        Objects.requireNonNull(oldUid, "oldUid");
        Objects.requireNonNull(newUid, "newUid");
    }
}
