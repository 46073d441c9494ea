package dev.vaulttest.chaos;

import java.util.Objects;
import java.util.Optional;

/**
 * The Vault image of one pod at one moment.
 *
 * @param pod the pod name
 * @param uid the pod's UID
 * @param specImage the image the pod spec names
 * @param runningImage the image the kubelet reports running; empty before the container started
 * @param imageId the image digest the kubelet reports; empty before the container started
 * @param revision the StatefulSet revision the pod was created from ({@code controller-revision-hash}); empty when
 *     unlabelled
 */
public record PodImage(String pod, String uid, String specImage, Optional<String> runningImage,
        Optional<String> imageId, Optional<String> revision) {

    /**
     * Validates the components.
     *
     * @param pod the pod name
     * @param uid the UID
     * @param specImage the spec image
     * @param runningImage the running image
     * @param imageId the image digest
     * @param revision the StatefulSet revision
     */
    public PodImage {
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(specImage, "specImage");
        Objects.requireNonNull(runningImage, "runningImage");
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(revision, "revision");
    }
}
